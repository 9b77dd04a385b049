package com.circoflows.functions.webhooks.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.adapters.lambda.EventInvocation;
import com.circoflows.adapters.lambda.ScheduledSweepRun;
import com.circoflows.adapters.wiring.FunctionWiring;
import java.util.Map;

/** Every minute: the scheduled sweep (domain.sweep.ScheduledSweep), its counts as the invocation's result. */
public final class WebhookSweeperHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final ScheduledSweepRun sweep;

    public WebhookSweeperHandler() {
        this(FunctionWiring.fromEnvironment().webhooks().scheduledSweepRun());
    }

    public WebhookSweeperHandler(ScheduledSweepRun sweep) {
        this.sweep = sweep;
    }


    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return EventInvocation.handle(context, () -> sweep.handle(event));
    }
}
