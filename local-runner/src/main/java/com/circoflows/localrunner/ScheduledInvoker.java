package com.circoflows.localrunner;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.localstack.LocalLambdaContext;
import com.circoflows.localstack.ScheduleEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * One {@code rate(...)} schedule, as an EventBridge rule targeting the function: every period
 * (the first one period after start) the function gets a {@link ScheduledEvent} with source
 * {@code aws.events}, detail-type {@code Scheduled Event} and the rule's ARN in resources.
 * Invocations of one schedule never overlap: one that outlasts the period delays the next. A failed
 * invocation is logged as one line on stderr and the schedule goes on.
 */
public final class ScheduledInvoker implements AutoCloseable {
    static final String ACCOUNT_ID = "000000000000";

    private final EventFunction function;
    private final ScheduleEventSource source;
    private final Duration period;
    private final String ruleArn;
    private final String region;
    private final String label;
    private final ScheduledExecutorService timer;

    private ScheduledInvoker(EventFunction function, ScheduleEventSource source, Duration period, String ruleArn,
            String region) {
        this.function = Objects.requireNonNull(function, "function");
        this.source = Objects.requireNonNull(source, "source");
        this.period = Objects.requireNonNull(period, "period");
        this.ruleArn = Objects.requireNonNull(ruleArn, "ruleArn");
        this.region = Objects.requireNonNull(region, "region");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("schedule period must be positive, got " + period);
        }
        this.label = "[schedule " + function.name() + "/" + source.eventName() + "]";
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedule-" + function.name() + "-" + source.eventName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the schedule at {@code period}: the template's rate, or an override (tests, or
     * CIRCOFLOWS_SCHEDULE_RATE_SECONDS).
     */
    public static ScheduledInvoker start(EventFunction function, ScheduleEventSource source, Duration period,
            String stackName, String region) {
        function.requireAccepts(ScheduledEvent.class);
        ScheduledInvoker invoker = new ScheduledInvoker(function, source, period,
                ruleArn(region, stackName, function.name(), source.eventName()), region);
        long millis = Math.max(1, period.toMillis());
        invoker.timer.scheduleAtFixedRate(invoker::invokeOnce, millis, millis, TimeUnit.MILLISECONDS);
        return invoker;
    }

    /**
     * The period to run a schedule at locally, or null when it does not run here: disabled in the
     * template, or a cron expression with no override (cron is not emulated).
     */
    public static Duration localPeriod(ScheduleEventSource source, Duration override) {
        if (!source.enabled()) {
            return null;
        }
        if (override != null) {
            return override;
        }
        return source.rate();
    }

    public Duration period() {
        return period;
    }

    public String ruleArn() {
        return ruleArn;
    }

    /** False once closed and no run is in progress: from then on the function is never invoked again. */
    public boolean isRunning() {
        return !timer.isTerminated();
    }

    private void invokeOnce() {
        try {
            function.handler().handleRequest(event(ruleArn, region, Instant.now()),
                    new LocalLambdaContext(UUID.randomUUID().toString(), function.name(), 1024));
        } catch (Throwable e) { // a failed run must not cancel the schedule
            String message = e.getMessage();
            System.err.println(label + " " + function.name() + " failed: " + e.getClass().getSimpleName()
                    + (message == null ? "" : ": " + message.lines().findFirst().orElse(""))
                    + "; next run in " + period.toMillis() + " ms");
        }
    }

    /** The event EventBridge sends for a scheduled rule. */
    public static ScheduledEvent event(String ruleArn, String region, Instant time) {
        ScheduledEvent event = new ScheduledEvent();
        event.setVersion("0");
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount(ACCOUNT_ID);
        // EventBridge stamps the scheduled time to the second.
        event.setTime(new DateTime(time.getEpochSecond() * 1000, DateTimeZone.UTC));
        event.setRegion(region);
        event.setResources(new ArrayList<>(List.of(ruleArn)));
        event.setDetail(new LinkedHashMap<>());
        return event;
    }

    /** SAM names the rule after the function and the event: {@code <stack>-<Function><Event>}. */
    static String ruleArn(String region, String stackName, String functionName, String eventName) {
        return "arn:aws:events:" + region + ":" + ACCOUNT_ID + ":rule/" + stackName + "-" + functionName + eventName;
    }

    /** Cancels the runs to come without waiting; {@link #awaitStopped} waits for one in progress. */
    void requestStop() {
        timer.shutdown();
    }

    @Override
    public void close() {
        requestStop();
        awaitStopped(SqsEventSourcePoller.HANDLER_GRACE);
    }

    /** Waits for a running invocation; interrupts it after {@code timeout}. */
    boolean awaitStopped(Duration timeout) {
        try {
            if (timer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            System.err.println(label + " still running after " + timeout.toMillis() + " ms; interrupting it");
            timer.shutdownNow();
            return timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
