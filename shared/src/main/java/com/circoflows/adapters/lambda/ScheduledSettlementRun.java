package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.domain.settlement.ScheduledSettlement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The scheduled event's run of the settlement, its counts as the invocation's result (visible in the console and logs). */
public final class ScheduledSettlementRun {
    private final ScheduledSettlement settlement;

    public ScheduledSettlementRun(ScheduledSettlement settlement) {
        this.settlement = settlement;
    }

    public Map<String, Integer> handle(ScheduledEvent event) {
        ScheduledSettlement.Report report = settlement.run();
        Map<String, Integer> done = new LinkedHashMap<>();
        done.put("settled_refunds", report.settledRefunds());
        done.put("canceled_authorizations", report.canceledAuthorizations());
        done.put("expired_bank_transfers", report.expiredBankTransfers());
        return done;
    }
}
