package com.circoflows.localrunner;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The {@link SQSEvent} Lambda's SQS event source mapping builds from one ReceiveMessage result:
 * one record per message, in the order received, with the fields Lambda fills in.
 */
public final class SqsEventBuilder {
    public static final String EVENT_SOURCE = "aws:sqs";

    private SqsEventBuilder() {
    }

    public static SQSEvent build(List<Message> messages, String queueArn, String region) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
        for (Message message : messages) {
            records.add(record(message, queueArn, region));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    static SQSEvent.SQSMessage record(Message message, String queueArn, String region) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        // System attributes as SQS returned them: ApproximateReceiveCount, SentTimestamp, SenderId,
        // ApproximateFirstReceiveTimestamp (and the FIFO ones when there are any).
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        record.setMessageAttributes(attributes);
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setEventSource(EVENT_SOURCE);
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(region);
        return record;
    }

    /** As in Lambda's event JSON: the list fields are present (empty) even for single values. */
    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        attribute.setBinaryValue(value.binaryValue() == null ? null : buffer(value.binaryValue()));
        attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
        List<ByteBuffer> binaries = new ArrayList<>();
        value.binaryListValues().forEach(bytes -> binaries.add(buffer(bytes)));
        attribute.setBinaryListValues(binaries);
        return attribute;
    }

    private static ByteBuffer buffer(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArray());
    }
}
