package com.circoflows.localstack;

import java.util.Objects;

/** A queue's RedrivePolicy: after maxReceiveCount receives a message moves to the dead-letter queue. */
public record RedriveDefinition(String deadLetterQueueLogicalId, int maxReceiveCount) {

    public RedriveDefinition {
        Objects.requireNonNull(deadLetterQueueLogicalId, "deadLetterQueueLogicalId");
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be at least 1, got " + maxReceiveCount);
        }
    }
}
