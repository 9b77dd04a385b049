package com.circoflows.localstack;

import java.util.Objects;

/**
 * An SQS event of a function: the event source mapping that polls a queue for it.
 *
 * @param queueLogicalId           the template queue, from {@code !GetAtt Queue.Arn} or {@code !Ref Queue}
 * @param batchSize                SQS's default of 10 when the template leaves it out
 * @param reportsBatchItemFailures true when FunctionResponseTypes lists ReportBatchItemFailures
 */
public record SqsEventSource(String eventName, String queueLogicalId, int batchSize, boolean reportsBatchItemFailures) {

    public static final int DEFAULT_BATCH_SIZE = 10;

    public SqsEventSource {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(queueLogicalId, "queueLogicalId");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }
}
