package com.circoflows.functions.settlement;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.adapters.lambda.EventInvocation;
import com.circoflows.adapters.lambda.ScheduledSettlementRun;
import com.circoflows.adapters.wiring.FunctionWiring;
import java.util.Map;

/** Every minute: the scheduled settlement (domain.settlement.ScheduledSettlement), its counts as the invocation's result. */
public final class PaymentSettlementHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final ScheduledSettlementRun settlement;

    public PaymentSettlementHandler() {
        this(FunctionWiring.fromEnvironment().refunds().scheduledSettlementRun());
    }

    public PaymentSettlementHandler(ScheduledSettlementRun settlement) {
        this.settlement = settlement;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return EventInvocation.handle(context, () -> settlement.handle(event));
    }
}
