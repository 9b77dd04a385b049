package com.circoflows.domain.webhook;

import java.time.Duration;

/** What the queue should do with a delivery job once we tried it. */
public sealed interface DeliveryDecision {
    /** Finished (delivered, failed for good, or nothing to do): remove the job. */
    record Done() implements DeliveryDecision {
    }

    /** Keep the job and hand it back after {@code delay}; past the last attempt it goes to the DLQ. */
    record RetryAfter(Duration delay) implements DeliveryDecision {
    }

    DeliveryDecision DONE = new Done();
}
