package com.circoflows.domain.webhook;

import java.time.Instant;
import java.util.List;

/** Where an event's delivery stands: pending -> delivered, or retrying -> ... -> failed. */
public record DeliveryState(
        WebhookEvent.DeliveryStatus status,
        List<DeliveryAttempt> attempts,
        Instant deliveredAt,
        Instant failedAt,
        String lastError) {

    public DeliveryState {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public static DeliveryState pending() {
        return new DeliveryState(WebhookEvent.DeliveryStatus.PENDING, List.of(), null, null, null);
    }

    public boolean isFinal() {
        return status == WebhookEvent.DeliveryStatus.DELIVERED || status == WebhookEvent.DeliveryStatus.FAILED;
    }
}
