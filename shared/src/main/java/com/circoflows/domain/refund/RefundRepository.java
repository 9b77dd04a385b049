package com.circoflows.domain.refund;

import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Refunds, written atomically with the payment whose refunded total they change and with the event
 * they announce (the outbox), so the total, the refunds and the events can never disagree.
 */
public interface RefundRepository {

    /**
     * Stores a new pending refund with the payment that reserves its amount, if the payment is still at
     * {@code reserving.version() - 1}. False, writing nothing, when another change got there first.
     */
    boolean reserve(Transaction reserving, Refund refund);

    Optional<Refund> find(String refundId);

    /** A payment's refunds, oldest first. */
    List<Refund> forTransaction(String transactionId);

    /**
     * Replaces the refund if it is still at {@code changed.version() - 1}, with the payment (when not
     * null, optimistic on its version) and the event (when not null). False, writing nothing, otherwise.
     */
    boolean save(Refund changed, Transaction payment, WebhookEvent event);

    /** Pending refunds created before {@code before}, oldest first: the settle step's work. */
    List<Refund> pendingCreatedBefore(Instant before, int limit);
}
