package com.circoflows.functions.webhooks.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.domain.webhook.WebhookSweeper;

/** Every minute: queue again the events whose delivery job never reached the queue. */
public final class WebhookSweeperHandler implements RequestHandler<ScheduledEvent, Integer> {
    private final WebhookSweeper sweeper;

    public WebhookSweeperHandler() {
        this(FunctionWiring.fromEnvironment().webhookSweeper());
    }

    public WebhookSweeperHandler(WebhookSweeper sweeper) {
        this.sweeper = sweeper;
    }

    /** Returns how many events were queued again (visible in the invocation result). */
    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return sweeper.sweep();
    }
}
