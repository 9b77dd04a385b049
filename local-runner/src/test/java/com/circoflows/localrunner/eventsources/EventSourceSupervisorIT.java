package com.circoflows.localrunner.eventsources;

import static com.circoflows.localrunner.eventsources.EventSourceTesting.await;
import static com.circoflows.localrunner.eventsources.EventSourceTesting.messagesOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.localrunner.EventFunction;
import com.circoflows.localrunner.EventSourceSupervisor;
import com.circoflows.localrunner.ScheduledInvoker;
import com.circoflows.localrunner.SqsEventSourcePoller;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.ScheduleEventSource;
import com.circoflows.localstack.SqsEventSource;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules, and every event source of a function run together as the LocalRunner starts them:
 * one instance per function, a schedule override for tests, a prompt close.
 */
class EventSourceSupervisorIT {
    private static final Duration FAST = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStackOptions.defaults());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void reset() {
        RecordingScheduleHandler.reset();
        MultiSourceHandler.reset();
    }

    @Test
    void aScheduleRunsAtTheOverrideRateWithTheEventEventBridgeSends() {
        FunctionDefinition definition = EventSourceTesting.function("TestSweeperFunction",
                RecordingScheduleHandler.class, List.of(), List.of(ScheduleEventSource.of("Sweep", "rate(1 minute)", true)));
        long started = System.nanoTime();
        EventSourceSupervisor supervisor = EventSourceSupervisor.startAll(stack,
                List.of(EventSourceTesting.construct(stack, definition)), FAST);
        try {
            await(Duration.ofSeconds(10), () -> RecordingScheduleHandler.RUNS.size() >= 4,
                    () -> "4 runs at 300 ms, got " + RecordingScheduleHandler.RUNS.size());
        } finally {
            supervisor.close();
        }
        assertTrue(supervisor.schedules().stream().noneMatch(ScheduledInvoker::isRunning), "closed");
        List<RecordingScheduleHandler.Run> runs = List.copyOf(RecordingScheduleHandler.RUNS);
        // A lower bound only: a loaded machine can run late, never early.
        long firstAfter = (runs.get(0).nanoTime() - started) / 1_000_000;
        assertTrue(firstAfter >= 250, "the first run comes one period after start, not at once: " + firstAfter + " ms");
        assertEquals(Duration.ofMillis(300), supervisor.schedules().get(0).period(), "the override rate");
        assertEquals(1, RecordingScheduleHandler.CONSTRUCTED.get());

        String ruleArn = "arn:aws:events:us-east-1:000000000000:rule/circoflows-local-TestSweeperFunctionSweep";
        HashSet<String> ids = new HashSet<>();
        for (RecordingScheduleHandler.Run run : runs) {
            ScheduledEvent event = run.event();
            assertEquals("aws.events", event.getSource());
            assertEquals("Scheduled Event", event.getDetailType());
            assertEquals(List.of(ruleArn), event.getResources());
            assertEquals("us-east-1", event.getRegion());
            assertEquals("000000000000", event.getAccount());
            assertEquals("0", event.getVersion());
            assertEquals(Map.of(), event.getDetail());
            assertTrue(Math.abs(event.getTime().getMillis() - System.currentTimeMillis()) < 10_000,
                    () -> "time is now: " + event.getTime());
            assertEquals(0, event.getTime().getMillisOfSecond(), "EventBridge times are whole seconds");
            assertTrue(ids.add(event.getId()), "each event has its own id");
        }
        assertEquals(runs, RecordingScheduleHandler.RUNS, "no runs after close: the timer has ended");
    }

    @Test
    void aFailingRunDoesNotStopTheSchedule() {
        RecordingScheduleHandler.failingRuns = List.of(1, 2);
        FunctionDefinition definition = EventSourceTesting.function("TestSweeperFunction",
                RecordingScheduleHandler.class, List.of(), List.of(ScheduleEventSource.of("Sweep", "rate(5 minutes)", true)));
        try (ScheduledInvoker invoker = ScheduledInvoker.start(EventSourceTesting.construct(stack, definition),
                definition.scheduleEventSources().get(0), Duration.ofMillis(150), "circoflows-local", "us-east-1")) {
            await("runs after two failures", Duration.ofSeconds(5), () -> RecordingScheduleHandler.RUNS.size() >= 4);
            assertEquals(Duration.ofMillis(150), invoker.period());
        }
    }

    @Test
    void withoutOverrideTemplateRatesApplyAndCronOrDisabledSchedulesDoNotRunLocally() {
        ScheduleEventSource everyMinute = ScheduleEventSource.of("Sweep", "rate(1 minute)", true);
        ScheduleEventSource nightly = ScheduleEventSource.of("Nightly", "cron(0 3 * * ? *)", true);
        ScheduleEventSource disabled = ScheduleEventSource.of("Off", "rate(1 minute)", false);
        FunctionDefinition definition = EventSourceTesting.function("TestSweeperFunction",
                RecordingScheduleHandler.class, List.of(), List.of(everyMinute, nightly, disabled));

        try (EventSourceSupervisor supervisor = EventSourceSupervisor.startAll(stack,
                List.of(EventSourceTesting.construct(stack, definition)), null)) {
            assertEquals(List.of(Duration.ofMinutes(1)),
                    supervisor.schedules().stream().map(ScheduledInvoker::period).toList());
        }
        assertEquals(FAST, ScheduledInvoker.localPeriod(nightly, FAST), "an override runs cron schedules too");
        assertNull(ScheduledInvoker.localPeriod(nightly, null));
        assertNull(ScheduledInvoker.localPeriod(disabled, FAST));
        assertEquals(0, RecordingScheduleHandler.RUNS.size());
    }

    @Test
    void aFunctionWithSeveralEventSourcesIsConstructedOnceAndEverySourceReachesIt() {
        stack.sqsClient().purgeQueue(purge -> purge.queueUrl(stack.resources().queueUrl("WebhookQueue")));
        stack.sqsClient().purgeQueue(purge -> purge.queueUrl(stack.resources().queueUrl("WebhookDeadLetterQueue")));
        FunctionDefinition definition = EventSourceTesting.function("TestMultiFunction", MultiSourceHandler.class,
                List.of(new SqsEventSource("Jobs", "WebhookQueue", 10, true),
                        new SqsEventSource("DeadLetters", "WebhookDeadLetterQueue", 5, false)),
                List.of(ScheduleEventSource.of("Sweep", "rate(1 hour)", true)));
        EventFunction function = EventSourceTesting.construct(stack, definition);

        EventSourceSupervisor supervisor = EventSourceSupervisor.startAll(stack, List.of(function), FAST);
        try {
            assertEquals(2, supervisor.pollers().size());
            assertEquals(1, supervisor.schedules().size());
            stack.sqsClient().sendMessage(send -> send.queueUrl(stack.resources().queueUrl("WebhookQueue"))
                    .messageBody("job"));
            stack.sqsClient().sendMessage(send -> send.queueUrl(stack.resources().queueUrl("WebhookDeadLetterQueue"))
                    .messageBody("dead"));
            await(PATIENCE, () -> arns().containsAll(List.of(stack.resources().queueArn("WebhookQueue"),
                    stack.resources().queueArn("WebhookDeadLetterQueue"))) && scheduledCalls() >= 1,
                    () -> "both queues and the schedule; calls: " + MultiSourceHandler.CALLS);
        } finally {
            supervisor.close();
        }
        assertEquals(1, MultiSourceHandler.CONSTRUCTED.get(), "one instance for all three sources");
        assertTrue(MultiSourceHandler.CALLS.stream().allMatch(call -> call.instance() == 1));
        assertTrue(supervisor.pollers().stream().noneMatch(SqsEventSourcePoller::isRunning));
        await("both deleted", PATIENCE,
                () -> messagesOn(stack.sqsClient(), stack.resources().queueUrl("WebhookQueue")) == 0
                        && messagesOn(stack.sqsClient(), stack.resources().queueUrl("WebhookDeadLetterQueue")) == 0);
    }

    @Test
    void aHandlerThatCannotTakeTheEventFailsAtStartAndLeavesNothingRunning() {
        FunctionDefinition definition = EventSourceTesting.function("TestStringFunction", StringHandler.class,
                List.of(new SqsEventSource("Jobs", "WebhookQueue", 10, true)), List.of());
        EventFunction function = EventSourceTesting.construct(stack, definition);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> EventSourceSupervisor.startAll(stack, List.of(function), null));
        assertTrue(failure.getMessage().contains(SQSEvent.class.getName()), failure.getMessage());
    }

    /** The real template: each SQS or schedule function's handler declares the event its source sends. */
    @Test
    void theTemplatesEventSourceFunctionsTakeTheEventsTheirSourcesSend() throws ClassNotFoundException {
        int checked = 0;
        for (FunctionDefinition definition : stack.template().functions()) {
            for (SqsEventSource source : definition.sqsEventSources()) {
                stack.resources().queueArn(source.queueLogicalId()); // the queue it polls is provisioned
                assertTrue(EventFunction.accepts(Class.forName(definition.handlerClassName()), SQSEvent.class),
                        definition.logicalId() + " takes SQSEvent");
                checked++;
            }
            for (ScheduleEventSource source : definition.scheduleEventSources()) {
                assertTrue(EventFunction.accepts(Class.forName(definition.handlerClassName()), ScheduledEvent.class),
                        definition.logicalId() + " takes ScheduledEvent");
                assertTrue(source.rate() != null || !source.enabled(), source.expression() + " runs locally");
                checked++;
            }
        }
        assertTrue(checked >= 1, "the template has event source functions");
        assertFalse(EventFunction.accepts(StringHandler.class, SQSEvent.class));
    }

    @Test
    void theScheduleRateVariableIsSecondsAndRefusesNonsense() {
        assertNull(EventSourceSupervisor.parseScheduleRate(null));
        assertNull(EventSourceSupervisor.parseScheduleRate(" "));
        assertEquals(Duration.ofSeconds(2), EventSourceSupervisor.parseScheduleRate("2"));
        assertEquals(Duration.ofMillis(500), EventSourceSupervisor.parseScheduleRate("0.5"));
        assertThrows(IllegalArgumentException.class, () -> EventSourceSupervisor.parseScheduleRate("0"));
        assertThrows(IllegalArgumentException.class, () -> EventSourceSupervisor.parseScheduleRate("-1"));
        assertThrows(IllegalArgumentException.class, () -> EventSourceSupervisor.parseScheduleRate("1m"));
    }

    private static List<String> arns() {
        return MultiSourceHandler.CALLS.stream().filter(call -> call.event() instanceof SQSEvent)
                .flatMap(call -> ((SQSEvent) call.event()).getRecords().stream())
                .map(SQSEvent.SQSMessage::getEventSourceArn).toList();
    }

    private static long scheduledCalls() {
        return MultiSourceHandler.CALLS.stream().filter(call -> call.event() instanceof ScheduledEvent).count();
    }
}
