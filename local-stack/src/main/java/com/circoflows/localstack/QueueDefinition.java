package com.circoflows.localstack;

import java.util.Objects;

/**
 * An {@code AWS::SQS::Queue} as the template declares it. Absent numbers stay null so that the
 * queue service's own defaults apply, as they would on AWS.
 *
 * @param rawQueueName the template's QueueName value, unresolved; null when CloudFormation would
 *                     generate the name
 * @param redrive      null when the queue has no dead-letter queue
 */
public record QueueDefinition(
        String logicalId,
        Object rawQueueName,
        Integer visibilityTimeoutSeconds,
        Integer messageRetentionSeconds,
        Integer delaySeconds,
        RedriveDefinition redrive) {

    public QueueDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
    }
}
