package com.circoflows.cli;

import com.circoflows.client.model.WebhookEventSummary;
import java.time.Instant;

/** An event as the event list shows it, all listen needs to tell new from seen. */
record ListedEvent(String id, String type, Instant createdAt, String transactionId) {
    static ListedEvent of(WebhookEventSummary summary) {
        return new ListedEvent(summary.getEventId(), summary.getType(), summary.getCreatedAt(),
                summary.getTransactionId());
    }
}
