package com.circoflows.domain.webhook;

import java.util.List;

/** One page of a merchant's events, newest first; {@code nextCursor} is null on the last page. */
public record WebhookEventPage(List<StoredWebhookEvent> events, String nextCursor) {
}
