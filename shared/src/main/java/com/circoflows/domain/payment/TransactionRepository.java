package com.circoflows.domain.payment;

import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Transactions and the webhook events their status changes cause are written together, in one
 * atomic write, so no status change can exist without its event (the outbox).
 */
public interface TransactionRepository {
    /**
     * Stores a new transaction and, when not null, its event. Returns false, writing nothing, when a
     * transaction with its id exists already (a retry after a crash that had written it).
     */
    boolean insert(Transaction transaction, WebhookEvent event);

    Optional<Transaction> find(String transactionId);

    /**
     * Replaces the stored transaction if it is still at {@code updated.version() - 1}, together with
     * the event when not null. Returns false, writing nothing, when someone else changed it first.
     */
    boolean update(Transaction updated, WebhookEvent event);

    /** Authorized payments (capture_method manual, neither captured nor canceled) created before {@code before}, oldest first. */
    List<Transaction> authorizedCreatedBefore(Instant before, int limit);
}
