package com.circoflows.localrunner;

import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.ScheduleEventSource;
import com.circoflows.localstack.SqsEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What AWS runs around the non-HTTP functions, for the whole template: one
 * {@link SqsEventSourcePoller} per SQS event and one {@link ScheduledInvoker} per schedule, each
 * calling the function's single instance. Close it before the stack: the pollers use its SQS client.
 */
public final class EventSourceSupervisor implements AutoCloseable {
    /** Seconds between runs of every schedule, overriding the template's rates (see {@link #scheduleRateFromEnvironment()}). */
    public static final String SCHEDULE_RATE_VARIABLE = "CIRCOFLOWS_SCHEDULE_RATE_SECONDS";

    private final List<SqsEventSourcePoller> pollers;
    private final List<ScheduledInvoker> schedules;

    private EventSourceSupervisor(List<SqsEventSourcePoller> pollers, List<ScheduledInvoker> schedules) {
        this.pollers = List.copyOf(pollers);
        this.schedules = List.copyOf(schedules);
    }

    /** The LocalRunner hook: the functions it has already constructed, each used as is. */
    static EventSourceSupervisor start(LocalStack stack, List<LocalFunction> functions, Duration scheduleOverride) {
        List<EventFunction> eventFunctions = new ArrayList<>();
        for (LocalFunction function : functions) {
            FunctionDefinition definition = function.definition();
            if (!definition.sqsEventSources().isEmpty() || !definition.scheduleEventSources().isEmpty()) {
                eventFunctions.add(EventFunction.of(function));
            }
        }
        return startAll(stack, eventFunctions, scheduleOverride);
    }

    /**
     * Starts every SQS event source and schedule of the given functions.
     *
     * @param scheduleOverride every schedule runs at this period instead of the template's rate (tests);
     *                         null keeps the template's
     */
    public static EventSourceSupervisor startAll(LocalStack stack, List<EventFunction> functions,
            Duration scheduleOverride) {
        if (scheduleOverride != null && (scheduleOverride.isZero() || scheduleOverride.isNegative())) {
            throw new IllegalArgumentException("schedule override must be positive, got " + scheduleOverride);
        }
        List<SqsEventSourcePoller> pollers = new ArrayList<>();
        List<ScheduledInvoker> schedules = new ArrayList<>();
        try {
            for (EventFunction function : functions) {
                for (SqsEventSource source : function.definition().sqsEventSources()) {
                    pollers.add(SqsEventSourcePoller.start(function, source, stack));
                }
                for (ScheduleEventSource source : function.definition().scheduleEventSources()) {
                    Duration period = ScheduledInvoker.localPeriod(source, scheduleOverride);
                    if (period == null) {
                        System.out.println("Schedule " + function.name() + "/" + source.eventName() + " ("
                                + source.expression() + ") does not run locally: "
                                + (source.enabled() ? "cron is not emulated; set " + SCHEDULE_RATE_VARIABLE
                                        + " to run it at a fixed rate" : "disabled in the template"));
                        continue;
                    }
                    schedules.add(ScheduledInvoker.start(function, source, period,
                            stack.options().stackName(), stack.options().region()));
                }
            }
        } catch (RuntimeException e) {
            new EventSourceSupervisor(pollers, schedules).close();
            throw e;
        }
        return new EventSourceSupervisor(pollers, schedules);
    }

    public List<SqsEventSourcePoller> pollers() {
        return pollers;
    }

    public List<ScheduledInvoker> schedules() {
        return schedules;
    }

    /** Stops everything at once, then waits: about one long poll (1 s) unless a handler is mid-run. */
    @Override
    public void close() {
        pollers.forEach(SqsEventSourcePoller::requestStop);
        schedules.forEach(ScheduledInvoker::requestStop);
        long deadline = System.nanoTime() + Duration.ofSeconds(SqsEventSourcePoller.WAIT_TIME_SECONDS)
                .plus(SqsEventSourcePoller.HANDLER_GRACE).toNanos();
        pollers.forEach(poller -> poller.awaitStopped(remaining(deadline)));
        schedules.forEach(schedule -> schedule.awaitStopped(remaining(deadline)));
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /**
     * {@value #SCHEDULE_RATE_VARIABLE} as a schedule override: null when unset or blank; seconds,
     * fractions allowed ("0.5").
     */
    public static Duration scheduleRateFromEnvironment() {
        return parseScheduleRate(System.getenv(SCHEDULE_RATE_VARIABLE));
    }

    public static Duration parseScheduleRate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos(Math.max(1_000_000L, Math.round(seconds * 1e9)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SCHEDULE_RATE_VARIABLE + " must be a positive number of seconds, got: "
                    + value);
        }
    }
}
