package com.circoflows.domain.webhook;

import java.time.Duration;

/** What the queue should do with a delivery job once we tried it. */
public sealed interface DeliveryDecision {
    /** Finished (delivered, failed for good, or nothing to do): remove the job. */
    record Done() implements DeliveryDecision {
    }

    /** Keep the job and hand it back after {@code delay}; past the last attempt it goes to the DLQ. */
    record RetryAfter(Duration delay) implements DeliveryDecision {
        /** Whole seconds, rounded up: a jittered 0.9 s must not become "hand it back now". */
        public long seconds() {
            return secondsRoundedUp(delay);
        }
    }

    static long secondsRoundedUp(Duration delay) {
        return Math.max(0, (delay.toMillis() + 999) / 1000);
    }

    DeliveryDecision DONE = new Done();
}
