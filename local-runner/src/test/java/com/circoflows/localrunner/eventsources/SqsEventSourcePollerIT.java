package com.circoflows.localrunner.eventsources;

import static com.circoflows.localrunner.eventsources.EventSourceTesting.await;
import static com.circoflows.localrunner.eventsources.EventSourceTesting.messagesOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.localrunner.EventFunction;
import com.circoflows.localrunner.SqsEventSourcePoller;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.LocalStacks;
import com.circoflows.localstack.QueueDefinition;
import com.circoflows.localstack.SqsEventSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event source mapping against ElasticMQ queues provisioned from the real template: the
 * webhook queue with its redrive policy to the dead-letter queue.
 */
class SqsEventSourcePollerIT {
    private static final String QUEUE = "WebhookQueue";
    private static final String DEAD_LETTER_QUEUE = "WebhookDeadLetterQueue";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static LocalStack stack;
    private static SqsClient sqs;
    private static String queueUrl;
    private static String queueArn;
    private static String deadLetterQueueUrl;
    private static QueueDefinition queueDefinition;

    private SqsEventSourcePoller poller;

    @BeforeAll
    static void startStack() {
        stack = LocalStacks.start(LocalStackOptions.defaults());
        sqs = stack.sqsClient();
        queueUrl = stack.resources().queueUrl(QUEUE);
        queueArn = stack.resources().queueArn(QUEUE);
        deadLetterQueueUrl = stack.resources().queueUrl(DEAD_LETTER_QUEUE);
        queueDefinition = stack.template().queue(QUEUE);
        RecordingSqsHandler.sqs = sqs;
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void emptyQueues() {
        RecordingSqsHandler.reset();
        setVisibilityTimeout(queueDefinition.visibilityTimeoutSeconds() == null
                ? 30 : queueDefinition.visibilityTimeoutSeconds());
        sqs.purgeQueue(purge -> purge.queueUrl(queueUrl));
        sqs.purgeQueue(purge -> purge.queueUrl(deadLetterQueueUrl));
        assertEquals(0, messagesOn(sqs, queueUrl));
    }

    @AfterEach
    void stopPoller() {
        if (poller != null) {
            poller.close();
        }
    }

    @Test
    void deliversBatchesOfAtMostBatchSizeWithTheFieldsLambdaSetsAndDeletesThemAfterSuccess() {
        send(IntStream.rangeClosed(1, 10).mapToObj(i -> "job-" + i).toList());

        poller = start(4, true);

        await(PATIENCE, () -> RecordingSqsHandler.received().size() >= 10,
                () -> "10 messages delivered, got " + RecordingSqsHandler.received().size());
        await("the delivered messages deleted", PATIENCE, () -> messagesOn(sqs, queueUrl) == 0);
        List<SQSEvent.SQSMessage> received = RecordingSqsHandler.received();
        assertEquals(10, received.size(), "each message delivered exactly once");
        assertEquals(IntStream.rangeClosed(1, 10).mapToObj(i -> "job-" + i).collect(Collectors.toSet()),
                received.stream().map(SQSEvent.SQSMessage::getBody).collect(Collectors.toSet()));
        assertTrue(RecordingSqsHandler.BATCHES.stream().allMatch(batch -> batch.size() <= 4),
                () -> "batches of at most BatchSize 4: " + batchSizes());
        assertTrue(RecordingSqsHandler.BATCHES.size() >= 3, () -> "10 messages in batches of 4: " + batchSizes());
        assertTrue(RecordingSqsHandler.BATCHES.stream().anyMatch(batch -> batch.size() > 1),
                () -> "messages come in batches, not one by one: " + batchSizes());
        assertEquals(1, RecordingSqsHandler.CONSTRUCTED.get(), "the function is constructed once");

        for (SQSEvent.SQSMessage message : received) {
            assertEquals("aws:sqs", message.getEventSource());
            assertEquals(queueArn, message.getEventSourceArn());
            assertEquals(stack.options().region(), message.getAwsRegion());
            assertTrue(message.getMessageId() != null && !message.getMessageId().isBlank());
            assertTrue(message.getReceiptHandle() != null && !message.getReceiptHandle().isBlank());
            assertEquals(md5Hex(message.getBody()), message.getMd5OfBody());
            Map<String, String> attributes = message.getAttributes();
            assertEquals("1", attributes.get("ApproximateReceiveCount"), attributes::toString);
            assertTimestamp(attributes.get("SentTimestamp"), "SentTimestamp");
            assertTimestamp(attributes.get("ApproximateFirstReceiveTimestamp"), "ApproximateFirstReceiveTimestamp");
            SQSEvent.MessageAttribute kind = message.getMessageAttributes().get("kind");
            assertNotNull(kind, () -> "message attributes pass through: " + message.getMessageAttributes());
            assertEquals("String", kind.getDataType());
            assertEquals("webhook-job", kind.getStringValue());
            assertEquals(List.of(), kind.getStringListValues());
            SQSEvent.MessageAttribute attempt = message.getMessageAttributes().get("attempt");
            assertEquals("Number", attempt.getDataType());
            assertEquals("1", attempt.getStringValue());
            assertNotNull(message.getMd5OfMessageAttributes());
        }
    }

    @Test
    void partialBatchFailureDeletesOnlyTheSuccessesAndTheFailedMessageComesBack() {
        send(List.of("ok-1", "fails-once", "ok-2", "ok-3", "ok-4"));
        RecordingSqsHandler.behaviour = (handler, event, invocation) -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (message.getBody().equals("fails-once")
                        && message.getAttributes().get("ApproximateReceiveCount").equals("1")) {
                    failures.add(handler.retryNow(message));
                }
            }
            return new SQSBatchResponse(failures);
        };

        poller = start(10, true);

        await(PATIENCE, () -> RecordingSqsHandler.receivedWithBody("fails-once").size() >= 2,
                () -> "the failed message delivered again; batches: " + RecordingSqsHandler.BATCHES);
        await("all done and deleted", PATIENCE, () -> messagesOn(sqs, queueUrl) == 0);
        List<SQSEvent.SQSMessage> first = RecordingSqsHandler.BATCHES.get(0);
        assertEquals(5, first.size(), "all five sent before polling began come in one batch");
        for (String body : List.of("ok-1", "ok-2", "ok-3", "ok-4")) {
            assertEquals(1, RecordingSqsHandler.receivedWithBody(body).size(),
                    body + " succeeded in the batch with the failure and was deleted, not delivered again");
        }
        List<SQSEvent.SQSMessage> failed = RecordingSqsHandler.receivedWithBody("fails-once");
        assertEquals(2, failed.size());
        assertEquals("1", failed.get(0).getAttributes().get("ApproximateReceiveCount"));
        assertEquals("2", failed.get(1).getAttributes().get("ApproximateReceiveCount"));
        assertEquals(failed.get(0).getMessageId(), failed.get(1).getMessageId(), "the same message, redelivered");
        assertEquals(List.of(failed.get(1).getMessageId()),
                RecordingSqsHandler.BATCHES.get(1).stream().map(SQSEvent.SQSMessage::getMessageId).toList(),
                "it came back alone");
        assertEquals(0, messagesOn(sqs, deadLetterQueueUrl));
    }

    @Test
    void aMessageThatAlwaysFailsMovesToTheDeadLetterQueueAfterMaxReceiveCountReceives() {
        int maxReceiveCount = queueDefinition.redrive().maxReceiveCount();
        assertEquals(DEAD_LETTER_QUEUE, queueDefinition.redrive().deadLetterQueueLogicalId());
        send(List.of("always-fails"));
        RecordingSqsHandler.behaviour = (handler, event, invocation) -> new SQSBatchResponse(
                event.getRecords().stream().map(handler::retryNow).toList());

        poller = start(10, true);

        await(PATIENCE, () -> messagesOn(sqs, deadLetterQueueUrl) == 1,
                () -> "the message in the DLQ; received " + RecordingSqsHandler.received().size() + " times");
        List<Message> deadLetters = sqs.receiveMessage(receive -> receive.queueUrl(deadLetterQueueUrl)
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertEquals(List.of("always-fails"), deadLetters.stream().map(Message::body).toList());
        assertEquals(0, messagesOn(sqs, queueUrl), "gone from the source queue");
        List<SQSEvent.SQSMessage> deliveries = RecordingSqsHandler.receivedWithBody("always-fails");
        assertEquals(maxReceiveCount, deliveries.size(), "one delivery per receive up to maxReceiveCount");
        assertEquals(IntStream.rangeClosed(1, maxReceiveCount).mapToObj(String::valueOf).toList(),
                deliveries.stream().map(m -> m.getAttributes().get("ApproximateReceiveCount")).toList());
        assertEquals(deadLetters.get(0).messageId(), deliveries.get(0).getMessageId());
        assertTrue(poller.isRunning());
    }

    @Test
    void aThrowingHandlerKeepsTheWholeBatchUntilTheVisibilityTimeoutAndThePollerGoesOn() {
        setVisibilityTimeout(1);
        send(List.of("a", "b", "c"));
        RecordingSqsHandler.behaviour = (handler, event, invocation) -> {
            if (invocation == 1) {
                throw new IllegalStateException("the function crashed");
            }
            return new SQSBatchResponse(List.of());
        };

        poller = start(10, true);

        await(PATIENCE, () -> RecordingSqsHandler.received().size() >= 6,
                () -> "the whole batch delivered again; batches: " + batchSizes());
        await("then deleted", PATIENCE, () -> messagesOn(sqs, queueUrl) == 0);
        assertEquals(Set.of("a", "b", "c"), bodies(RecordingSqsHandler.BATCHES.get(0)));
        assertTrue(RecordingSqsHandler.BATCHES.get(0).stream()
                .allMatch(m -> m.getAttributes().get("ApproximateReceiveCount").equals("1")));
        List<SQSEvent.SQSMessage> again = RecordingSqsHandler.received().subList(3, 6);
        assertEquals(Set.of("a", "b", "c"), bodies(again), "every message of the failed batch came back");
        assertTrue(again.stream().allMatch(m -> m.getAttributes().get("ApproximateReceiveCount").equals("2")));
        assertEquals(6, RecordingSqsHandler.received().size());
        assertTrue(poller.isRunning(), "the poller survived the exception");
    }

    @Test
    void withoutReportBatchItemFailuresReturnedFailuresAreIgnoredButAThrowKeepsTheBatch() {
        setVisibilityTimeout(1);
        send(List.of("reported-as-failed", "fine"));
        AtomicBoolean thrown = new AtomicBoolean();
        RecordingSqsHandler.behaviour = (handler, event, invocation) -> {
            if (event.getRecords().stream().anyMatch(m -> m.getBody().equals("throws-once"))
                    && thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("the function crashed");
            }
            return new SQSBatchResponse(event.getRecords().stream()
                    .filter(m -> m.getBody().equals("reported-as-failed"))
                    .map(m -> new SQSBatchResponse.BatchItemFailure(m.getMessageId())).toList());
        };

        poller = start(10, false);

        await("first batch handled and deleted", PATIENCE,
                () -> RecordingSqsHandler.INVOCATIONS.get() >= 1 && messagesOn(sqs, queueUrl) == 0);
        assertEquals(1, RecordingSqsHandler.receivedWithBody("reported-as-failed").size(),
                "Lambda ignores batchItemFailures unless the source reports them: deleted");

        send(List.of("throws-once"));
        await(PATIENCE, () -> RecordingSqsHandler.receivedWithBody("throws-once").size() >= 2,
                () -> "a thrown batch comes back; batches: " + RecordingSqsHandler.BATCHES);
        await("then deleted", PATIENCE, () -> messagesOn(sqs, queueUrl) == 0);
        assertEquals(List.of("1", "2"), RecordingSqsHandler.receivedWithBody("throws-once").stream()
                .map(m -> m.getAttributes().get("ApproximateReceiveCount")).toList());
    }

    @Test
    void aFailureNamingNoMessageOfTheBatchFailsTheWholeBatchAsOnLambda() {
        setVisibilityTimeout(1);
        send(List.of("x", "y"));
        RecordingSqsHandler.behaviour = (handler, event, invocation) -> new SQSBatchResponse(invocation == 1
                ? List.of(new SQSBatchResponse.BatchItemFailure("not-a-message-of-this-batch"))
                : List.of());

        poller = start(10, true);

        await(PATIENCE, () -> RecordingSqsHandler.received().size() >= 4,
                () -> "both delivered again; batches: " + batchSizes());
        await("then deleted", PATIENCE, () -> messagesOn(sqs, queueUrl) == 0);
        assertEquals(Set.of("x", "y"), bodies(RecordingSqsHandler.received().subList(2, 4)));
    }

    @Test
    void survivesSqsErrorsAndDeliversOnceTheQueueExists() throws Exception {
        String name = "late-queue-" + System.nanoTime();
        String lateUrl = queueUrl.substring(0, queueUrl.lastIndexOf('/') + 1) + name;
        String lateArn = queueArn.substring(0, queueArn.lastIndexOf(':') + 1) + name;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            FunctionDefinition definition = EventSourceTesting.function("LateQueueFunction",
                    RecordingSqsHandler.class, List.of(new SqsEventSource("Jobs", QUEUE, 10, true)), List.of());
            EventFunction function = EventSourceTesting.construct(stack, definition);
            poller = SqsEventSourcePoller.start(function, definition.sqsEventSources().get(0), sqs, lateUrl, lateArn,
                    stack.options().region());

            await("the failed receive logged", PATIENCE,
                    () -> captured.toString(StandardCharsets.UTF_8).contains("ReceiveMessage failed"));
            assertTrue(poller.isRunning(), "an SQS error does not end the poller");
            String createdUrl = sqs.createQueue(create -> create.queueName(name)).queueUrl();
            assertEquals(lateUrl, createdUrl);
            sqs.sendMessage(send -> send.queueUrl(createdUrl).messageBody("finally"));

            await("delivered after the queue appeared", PATIENCE,
                    () -> RecordingSqsHandler.receivedWithBody("finally").size() == 1);
            assertEquals(lateArn, RecordingSqsHandler.receivedWithBody("finally").get(0).getEventSourceArn());
            String log = captured.toString(StandardCharsets.UTF_8);
            assertTrue(log.lines().filter(line -> line.contains("ReceiveMessage failed")).count() <= 4,
                    () -> "backs off 1 s between failures rather than spinning:\n" + log);
            poller.close();
            assertFalse(poller.isRunning(), "closed after SQS errors");
            sqs.deleteQueue(delete -> delete.queueUrl(createdUrl));
        } finally {
            System.setErr(originalErr);
            originalErr.print(captured.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void closeEndsAnInFlightLongPollAndNothingIsDeliveredAfterwards() {
        AtomicInteger receives = new AtomicInteger();
        poller = start(10, true, countingReceives(receives));
        send(List.of("before-close"));
        await("a delivery", PATIENCE, () -> RecordingSqsHandler.received().size() == 1);
        int receivesByTheDelivery = receives.get();
        await("the next long poll under way", PATIENCE, () -> receives.get() > receivesByTheDelivery);

        poller.close();

        assertFalse(poller.isRunning(), "the poller thread ended");
        send(List.of("after-close"));
        assertEquals(1, RecordingSqsHandler.received().size(), "nothing is delivered after close");
        assertEquals(1, messagesOn(sqs, queueUrl), "the message sent after close waits on the queue");
    }

    /** The suite's SQS client, counting the ReceiveMessage calls made through it as they start. */
    private static SqsClient countingReceives(AtomicInteger receives) {
        return (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(), new Class<?>[] {SqsClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("receiveMessage")) {
                        receives.incrementAndGet();
                    }
                    try {
                        return method.invoke(sqs, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void closeStopsThePollerEvenWhenSqsAcceptsTheConnectionAndNeverAnswers() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String silentUrl = "http://127.0.0.1:" + silent.getLocalPort() + "/000000000000/silent";
            try (SqsClient silentSqs = com.circoflows.localstack.LocalAwsClients.sqs(
                    java.net.URI.create("http://127.0.0.1:" + silent.getLocalPort()))) {
                FunctionDefinition definition = EventSourceTesting.function("SilentQueueFunction",
                        RecordingSqsHandler.class, List.of(new SqsEventSource("Jobs", QUEUE, 10, true)), List.of());
                EventFunction function = EventSourceTesting.construct(stack, definition);
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                PrintStream originalErr = System.err;
                System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
                try {
                    poller = SqsEventSourcePoller.start(function, definition.sqsEventSources().get(0), silentSqs,
                            silentUrl, queueArn, stack.options().region());
                    await("the receive is hanging", PATIENCE, () -> !accepted.isEmpty());

                    poller.close();

                    assertFalse(poller.isRunning(), "the poller thread ended; stderr:\n" + captured);
                } finally {
                    System.setErr(originalErr);
                }
            } finally {
                for (java.net.Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }

    private SqsEventSourcePoller start(int batchSize, boolean reportBatchItemFailures) {
        return start(batchSize, reportBatchItemFailures, sqs);
    }

    private SqsEventSourcePoller start(int batchSize, boolean reportBatchItemFailures, SqsClient client) {
        FunctionDefinition definition = EventSourceTesting.function("TestDeliveryFunction", RecordingSqsHandler.class,
                List.of(new SqsEventSource("Jobs", QUEUE, batchSize, reportBatchItemFailures)), List.of());
        EventFunction function = EventSourceTesting.construct(stack, definition);
        SqsEventSource source = definition.sqsEventSources().get(0);
        return SqsEventSourcePoller.start(function, source, client, stack.resources().queueUrl(source.queueLogicalId()),
                stack.resources().queueArn(source.queueLogicalId()), stack.options().region());
    }

    private static void send(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies.get(i))
                        .messageAttributes(Map.of(
                                "kind", MessageAttributeValue.builder().dataType("String")
                                        .stringValue("webhook-job").build(),
                                "attempt", MessageAttributeValue.builder().dataType("Number")
                                        .stringValue("1").build()))
                        .build());
            }
            assertTrue(sqs.sendMessageBatch(batch -> batch.queueUrl(queueUrl).entries(entries)).failed().isEmpty());
        }
    }

    private static void setVisibilityTimeout(int seconds) {
        sqs.setQueueAttributes(set -> set.queueUrl(queueUrl)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(seconds))));
    }

    private static List<Integer> batchSizes() {
        return RecordingSqsHandler.BATCHES.stream().map(List::size).toList();
    }

    private static Set<String> bodies(List<SQSEvent.SQSMessage> messages) {
        return messages.stream().map(SQSEvent.SQSMessage::getBody).collect(Collectors.toSet());
    }

    private static void assertTimestamp(String value, String name) {
        assertNotNull(value, name + " present");
        long millis = Long.parseLong(value);
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, name + " is epoch millis of now: " + value);
    }

    private static String md5Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
