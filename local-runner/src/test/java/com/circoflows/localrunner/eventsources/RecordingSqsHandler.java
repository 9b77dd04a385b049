package com.circoflows.localrunner.eventsources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Test-only SQS function: records every batch it gets and answers as the current test's
 * {@link #behaviour} says. Like the real delivery function it reads its queue URL from the
 * environment it was constructed with and can ask SQS to hand a message back at once.
 */
public class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    @FunctionalInterface
    public interface Behaviour {
        /** {@code invocation} counts from 1 since the last {@link #reset()}. */
        SQSBatchResponse handle(RecordingSqsHandler handler, SQSEvent event, int invocation);
    }

    public static final Behaviour SUCCEED = (handler, event, invocation) -> new SQSBatchResponse(List.of());

    public static final List<List<SQSEvent.SQSMessage>> BATCHES = new CopyOnWriteArrayList<>();
    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();
    public static final AtomicInteger INVOCATIONS = new AtomicInteger();
    public static volatile Behaviour behaviour = SUCCEED;
    /** Set by the test: the stack's client, as the real function would build its own. */
    public static volatile SqsClient sqs;

    private final String queueUrl;

    public RecordingSqsHandler() {
        CONSTRUCTED.incrementAndGet();
        queueUrl = Settings.fromEnvironment().required("WEBHOOK_QUEUE_URL");
    }

    public static void reset() {
        BATCHES.clear();
        CONSTRUCTED.set(0);
        INVOCATIONS.set(0);
        behaviour = SUCCEED;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        BATCHES.add(List.copyOf(event.getRecords()));
        return behaviour.handle(this, event, INVOCATIONS.incrementAndGet());
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** What WebhookJobBatch does for a retry due now: visibility 0, then report the failure. */
    public SQSBatchResponse.BatchItemFailure retryNow(SQSEvent.SQSMessage message) {
        sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl)
                .receiptHandle(message.getReceiptHandle()).visibilityTimeout(0));
        return new SQSBatchResponse.BatchItemFailure(message.getMessageId());
    }

    /** Every record received so far, in order, over all batches. */
    public static List<SQSEvent.SQSMessage> received() {
        List<SQSEvent.SQSMessage> all = new ArrayList<>();
        BATCHES.forEach(all::addAll);
        return all;
    }

    public static List<SQSEvent.SQSMessage> receivedWithBody(String body) {
        return received().stream().filter(message -> body.equals(message.getBody())).toList();
    }
}
