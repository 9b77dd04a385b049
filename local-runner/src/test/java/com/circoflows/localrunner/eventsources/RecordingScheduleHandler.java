package com.circoflows.localrunner.eventsources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only scheduled function (like the sweeper): records each event and when it came. */
public class RecordingScheduleHandler implements RequestHandler<ScheduledEvent, Void> {
    public record Run(ScheduledEvent event, long nanoTime, String thread) {
    }

    public static final List<Run> RUNS = new CopyOnWriteArrayList<>();
    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();
    /** Runs with these numbers (1-based) throw. */
    public static volatile List<Integer> failingRuns = List.of();

    public RecordingScheduleHandler() {
        CONSTRUCTED.incrementAndGet();
    }

    public static void reset() {
        RUNS.clear();
        CONSTRUCTED.set(0);
        failingRuns = List.of();
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        RUNS.add(new Run(event, System.nanoTime(), Thread.currentThread().getName()));
        if (failingRuns.contains(RUNS.size())) {
            throw new IllegalStateException("scheduled run " + RUNS.size() + " fails on purpose");
        }
        return null;
    }
}
