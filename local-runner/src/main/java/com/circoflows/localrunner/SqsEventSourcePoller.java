package com.circoflows.localrunner;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.localstack.LocalLambdaContext;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.SqsEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * One SQS event source mapping, as Lambda runs it: a thread long-polls the queue, hands each
 * received batch to the function as an {@link SQSEvent}, and then deletes what the function
 * finished.
 * <ul>
 * <li>The function threw: every message stays; it comes back after the queue's visibility timeout
 * with ApproximateReceiveCount one higher, and after maxReceiveCount receives the queue (ElasticMQ,
 * as SQS) moves it to the dead-letter queue.</li>
 * <li>With ReportBatchItemFailures: the messages listed in the returned
 * {@code batchItemFailures} stay, all others are deleted; a null response or an empty list deletes
 * all. As on Lambda, a failure entry with a null, empty or unknown itemIdentifier, or a response
 * that is not a batch response, fails the whole batch.</li>
 * <li>Without ReportBatchItemFailures: any return deletes the whole batch (Lambda ignores the
 * response then); only a throw keeps it.</li>
 * </ul>
 * Batches of one source run one at a time. Handler and SQS errors are logged as one line on stderr,
 * followed by a 1 s back-off; the poller keeps going until {@link #close()}.
 */
public final class SqsEventSourcePoller implements AutoCloseable {
    /** SQS's ceiling for MaxNumberOfMessages; larger Lambda batch sizes need a batching window. */
    public static final int MAX_MESSAGES_PER_RECEIVE = 10;
    /** Long-poll wait: short so that delivery is prompt and close() is quick. */
    public static final int WAIT_TIME_SECONDS = 1;
    public static final Duration BACKOFF = Duration.ofSeconds(1);
    /**
     * A receive that outlives its long poll by this much is given up: an SQS endpoint that accepts the
     * connection and never answers would otherwise hold the thread, which an interrupt can't free.
     */
    static final Duration RECEIVE_ATTEMPT_TIMEOUT = Duration.ofSeconds(WAIT_TIME_SECONDS + 1);
    static final Duration RECEIVE_CALL_TIMEOUT = RECEIVE_ATTEMPT_TIMEOUT.plusMillis(500);
    /** How long close() lets a running handler finish before interrupting it. */
    static final Duration HANDLER_GRACE = Duration.ofSeconds(2);

    private final EventFunction function;
    private final SqsEventSource source;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final String label;
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean warnedIgnoredFailures = new AtomicBoolean();

    private SqsEventSourcePoller(EventFunction function, SqsEventSource source, SqsClient sqs, String queueUrl,
            String queueArn, String region) {
        this.function = Objects.requireNonNull(function, "function");
        this.source = Objects.requireNonNull(source, "source");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.queueArn = Objects.requireNonNull(queueArn, "queueArn");
        this.region = Objects.requireNonNull(region, "region");
        this.label = "[sqs " + function.name() + "/" + source.eventName() + " <- " + source.queueLogicalId() + "]";
        this.thread = new Thread(this::run, "sqs-poller-" + function.name() + "-" + source.eventName());
        this.thread.setDaemon(true);
    }

    /** Polls the stack's queue named by the event source, with the stack's shared SQS client. */
    public static SqsEventSourcePoller start(EventFunction function, SqsEventSource source, LocalStack stack) {
        return start(function, source, stack.sqsClient(), stack.resources().queueUrl(source.queueLogicalId()),
                stack.resources().queueArn(source.queueLogicalId()), stack.options().region());
    }

    public static SqsEventSourcePoller start(EventFunction function, SqsEventSource source, SqsClient sqs,
            String queueUrl, String queueArn, String region) {
        function.requireAccepts(SQSEvent.class);
        SqsEventSourcePoller poller = new SqsEventSourcePoller(function, source, sqs, queueUrl, queueArn, region);
        poller.thread.start();
        return poller;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Asks the poller to stop without waiting; {@link #awaitStopped} waits. */
    void requestStop() {
        // Ends a back-off at once; an in-flight long poll returns within WAIT_TIME_SECONDS.
        stopRequested.countDown();
    }

    /** Waits for the thread; interrupts a handler still running after the grace period. */
    boolean awaitStopped(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis())); // join(0) would wait forever
            if (!thread.isAlive()) {
                return true;
            }
            System.err.println(label + " handler still running after " + timeout.toMillis() + " ms; interrupting it");
            thread.interrupt();
            thread.join(1_000);
            return !thread.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        requestStop();
        awaitStopped(Duration.ofSeconds(WAIT_TIME_SECONDS).plus(HANDLER_GRACE));
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void run() {
        while (!stopping()) {
            List<Message> messages;
            try {
                messages = receive();
            } catch (RuntimeException e) {
                if (stopping()) {
                    break;
                }
                System.err.println(label + " ReceiveMessage failed: " + describe(e) + "; retrying in "
                        + BACKOFF.toMillis() + " ms");
                backOff();
                continue;
            }
            if (messages.isEmpty()) {
                continue;
            }
            if (stopping()) {
                release(messages);
                break;
            }
            boolean delivered;
            try {
                delivered = deliver(messages);
            } catch (RuntimeException e) { // a bug here must not end the event source silently
                System.err.println(label + " could not handle a batch: " + describe(e));
                delivered = false;
            }
            if (!delivered) {
                backOff();
            }
        }
    }

    @SuppressWarnings("deprecation") // AttributeNames: still what older SQS-compatible servers read
    private List<Message> receive() {
        ReceiveMessageRequest request = ReceiveMessageRequest.builder()
                .queueUrl(queueUrl)
                .maxNumberOfMessages(Math.min(source.batchSize(), MAX_MESSAGES_PER_RECEIVE))
                .waitTimeSeconds(WAIT_TIME_SECONDS)
                .attributeNamesWithStrings("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL,
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.SENT_TIMESTAMP,
                        MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
                        MessageSystemAttributeName.SENDER_ID)
                .messageAttributeNames("All")
                .overrideConfiguration(call -> call
                        .apiCallAttemptTimeout(RECEIVE_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(RECEIVE_CALL_TIMEOUT))
                .build();
        return sqs.receiveMessage(request).messages();
    }

    /** Invokes the function with the batch and deletes what it finished; false when it failed. */
    private boolean deliver(List<Message> messages) {
        SQSEvent event = SqsEventBuilder.build(messages, queueArn, region);
        Object result;
        try {
            result = function.handler().handleRequest(event, new LocalLambdaContext(
                    UUID.randomUUID().toString(), function.name(), 1024));
        } catch (Throwable e) { // as Lambda: whatever the handler throws fails this batch only
            System.err.println(label + " " + function.name() + " failed: " + describe(e) + "; "
                    + messages.size() + " message(s) left on the queue");
            return false;
        }
        Set<String> keep = toKeep(messages, result);
        List<Message> finished = new ArrayList<>();
        for (Message message : messages) {
            if (!keep.contains(message.messageId())) {
                finished.add(message);
            }
        }
        delete(finished);
        return true;
    }

    /** The ids of the messages to leave on the queue, following Lambda's reading of the response. */
    private Set<String> toKeep(List<Message> messages, Object result) {
        Set<String> all = new LinkedHashSet<>();
        messages.forEach(message -> all.add(message.messageId()));
        List<String> failures;
        try {
            failures = batchItemFailures(result);
        } catch (IllegalArgumentException e) {
            if (!source.reportsBatchItemFailures()) {
                return Set.of();
            }
            System.err.println(label + " " + e.getMessage() + "; the whole batch of " + messages.size()
                    + " stays on the queue, as on Lambda");
            return all;
        }
        if (!source.reportsBatchItemFailures()) {
            if (!failures.isEmpty() && warnedIgnoredFailures.compareAndSet(false, true)) {
                System.err.println(label + " the function returned batchItemFailures, but the event source has no "
                        + "FunctionResponseTypes: [ReportBatchItemFailures]; Lambda ignores them and deletes the batch");
            }
            return Set.of();
        }
        Set<String> keep = new HashSet<>();
        for (String id : failures) {
            if (id == null || id.isBlank() || !all.contains(id)) {
                System.err.println(label + " batchItemFailures names " + (id == null ? "null" : "'" + id + "'")
                        + ", which is not a message of this batch; the whole batch of " + messages.size()
                        + " stays on the queue, as on Lambda");
                return all;
            }
            keep.add(id);
        }
        return keep;
    }

    /**
     * The itemIdentifiers of an {@link SQSBatchResponse} (or of its JSON shape as a Map); empty for
     * null. Anything else is not a batch response.
     */
    private static List<String> batchItemFailures(Object result) {
        if (result == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (result instanceof SQSBatchResponse response) {
            if (response.getBatchItemFailures() != null) {
                for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                    ids.add(failure == null ? null : failure.getItemIdentifier());
                }
            }
            return ids;
        }
        if (result instanceof Map<?, ?> map) {
            Object failures = map.get("batchItemFailures");
            if (failures == null) {
                return ids;
            }
            if (!(failures instanceof List<?> list)) {
                throw new IllegalArgumentException("batchItemFailures is not a list");
            }
            for (Object failure : list) {
                ids.add(failure instanceof Map<?, ?> entry && entry.get("itemIdentifier") instanceof String id
                        ? id : null);
            }
            return ids;
        }
        throw new IllegalArgumentException("the function returned a " + result.getClass().getName()
                + ", not a batch response");
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id("m" + i).receiptHandle(messages.get(i).receiptHandle()).build());
        }
        try {
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                System.err.println(label + " DeleteMessageBatch left " + response.failed().size() + " of "
                        + entries.size() + " message(s): " + response.failed().get(0).message());
            }
        } catch (RuntimeException e) {
            System.err.println(label + " DeleteMessageBatch failed: " + describe(e) + "; " + entries.size()
                    + " processed message(s) will be delivered again");
        }
    }

    /** Received while stopping: made visible again at once instead of after the visibility timeout. */
    private void release(List<Message> messages) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id("m" + i).receiptHandle(messages.get(i).receiptHandle()).visibilityTimeout(0).build());
        }
        try {
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (RuntimeException e) {
            // Stopping: they come back after the visibility timeout instead.
        }
    }

    private void backOff() {
        try {
            stopRequested.await(BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Only close() interrupts, after its grace period: stop.
            stopRequested.countDown();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
