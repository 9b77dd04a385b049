package com.circoflows.domain.webhook;

import java.util.Optional;

/** Events are written with their transaction (see TransactionRepository); this reads them back. */
public interface WebhookEventRepository {
    Optional<WebhookEvent> find(String eventId);
}
