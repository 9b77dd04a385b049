package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.domain.sweep.ScheduledSweep;
import com.circoflows.domain.sweep.ScheduledSweep.SweepReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The scheduled event's run of the sweep, its report as the invocation's result (visible in the console and logs). */
public final class ScheduledSweepRun {
    private final ScheduledSweep sweep;

    public ScheduledSweepRun(ScheduledSweep sweep) {
        this.sweep = sweep;
    }

    public Map<String, Integer> handle(ScheduledEvent event) {
        SweepReport report = sweep.run();
        Map<String, Integer> done = new LinkedHashMap<>();
        done.put("requeued_events", report.requeuedEvents());
        done.put("reconciled_authorizations", report.reconciledAuthorizations());
        done.put("voided_authorizations", report.voidedAuthorizations());
        return done;
    }
}
