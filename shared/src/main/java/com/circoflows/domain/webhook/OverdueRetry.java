package com.circoflows.domain.webhook;

import java.time.Instant;

/** A retrying event whose job was due back at {@code dueAt} and has not come: the queue may have lost it. */
public record OverdueRetry(WebhookEvent event, Instant dueAt, int schedulePosition) {
}
