package com.circoflows.localrunner.eventsources;

import static org.junit.jupiter.api.Assertions.fail;

import com.circoflows.localrunner.EventFunction;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.HttpRoute;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.ScheduleEventSource;
import com.circoflows.localstack.SqsEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Shared by the event source ITs: hand-made function definitions, queue probes, waiting. */
final class EventSourceTesting {
    private EventSourceTesting() {
    }

    /** A template-like function: environment references resolved against the stack, as for real ones. */
    static FunctionDefinition function(String logicalId, Class<?> handler, List<SqsEventSource> sqsSources,
            List<ScheduleEventSource> schedules) {
        return new FunctionDefinition(logicalId, handler.getName() + "::handleRequest", null,
                Map.of("WEBHOOK_QUEUE_URL", Map.of("Ref", "WebhookQueue")), List.<HttpRoute>of(), sqsSources,
                schedules);
    }

    static EventFunction construct(LocalStack stack, FunctionDefinition definition) {
        return EventFunction.construct(definition, stack.environmentOf(definition));
    }

    /** Visible + in flight + delayed: what is still on the queue in any state. */
    static int messagesOn(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(timeout, condition, () -> what);
    }

    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toMillis() + " ms waiting for: " + what.get());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
