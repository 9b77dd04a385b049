package com.circoflows.testsupport;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.localstack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.model.Message;

/** The template's queues on a {@link HandlerStack}, used as the functions and Lambda's event sources use them. */
public final class TestQueues {
    private static final Duration RECEIVE_DEADLINE = Duration.ofSeconds(10);

    private final LocalStack stack;

    TestQueues(LocalStack stack) {
        this.stack = stack;
    }

    public String queueUrl(String queueLogicalId) {
        return stack.resources().queueUrl(queueLogicalId);
    }

    public String queueArn(String queueLogicalId) {
        return stack.resources().queueArn(queueLogicalId);
    }

    /** Sends a message to one of the template's queues, as a function with SQSSendMessagePolicy would. */
    public void send(String queueLogicalId, String body) {
        stack.sqsClient().sendMessage(send -> send.queueUrl(queueUrl(queueLogicalId)).messageBody(body));
    }

    /**
     * Receives messages as Lambda's SQS event source mapping does (every system attribute, so
     * ApproximateReceiveCount and SentTimestamp are the queue's own) until {@code count} of them match;
     * the others are made visible again at once. The returned messages stay in flight under their
     * receipt handles: delete them, or let their visibility timeout hand them back.
     */
    public List<Message> receive(String queueLogicalId, Predicate<Message> wanted, int count) {
        String url = queueUrl(queueLogicalId);
        List<Message> found = new ArrayList<>();
        long deadline = System.nanoTime() + RECEIVE_DEADLINE.toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            for (Message message : receiveBatch(url, 1)) {
                if (found.size() < count && wanted.test(message)) {
                    found.add(message);
                } else {
                    stack.sqsClient().changeMessageVisibility(change -> change.queueUrl(url)
                            .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("received " + found.size() + " of " + count + " expected messages from "
                    + queueLogicalId);
        }
        return found;
    }

    /** The one message whose body names {@code eventId}. */
    public Message receiveJob(String queueLogicalId, String eventId) {
        return receive(queueLogicalId, message -> message.body().contains(eventId), 1).get(0);
    }

    /** Every message visible now on the queue, taken off it (deleted); their bodies. */
    public List<String> drain(String queueLogicalId) {
        String url = queueUrl(queueLogicalId);
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = receiveBatch(url, 0);
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(message.body());
                delete(queueLogicalId, message);
            }
        }
    }

    /** Empties the queue, messages in flight (waiting out a visibility timeout) included. */
    public void purge(String queueLogicalId) {
        stack.sqsClient().purgeQueue(p -> p.queueUrl(queueUrl(queueLogicalId)));
    }

    public void delete(String queueLogicalId, Message message) {
        stack.sqsClient().deleteMessage(d -> d.queueUrl(queueUrl(queueLogicalId)).receiptHandle(message.receiptHandle()));
    }

    private List<Message> receiveBatch(String url, int waitSeconds) {
        return stack.sqsClient().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNamesWithStrings("All")).messages();
    }

    /**
     * The SQS event Lambda hands the function for {@code received}: one record per message, shaped
     * like the sample {@code sampleRelativePath} (e.g. {@code "webhook-delivery/job.json"}) but with
     * each message's own id, receipt handle (real, so the function can change its visibility), body,
     * MD5 and attributes, and this stack's queue ARN and region.
     */
    public SQSEvent sqsEvent(String sampleRelativePath, String queueLogicalId, List<Message> received) {
        SQSEvent.SQSMessage sample = SampleEvents.sqsEvent(sampleRelativePath).getRecords().get(0);
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : received) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
            record.setMessageAttributes(new LinkedHashMap<>());
            record.setEventSource(sample.getEventSource());
            record.setEventSourceArn(queueArn(queueLogicalId));
            record.setAwsRegion(stack.options().region());
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
