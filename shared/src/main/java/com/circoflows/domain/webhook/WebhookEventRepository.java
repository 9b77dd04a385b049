package com.circoflows.domain.webhook;

import com.circoflows.domain.merchant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Events are created with their transaction (see TransactionRepository); this tracks their
 * delivery. Every change is conditional, so two deliveries of the same job can't both proceed.
 */
public interface WebhookEventRepository {
    Optional<WebhookEvent> find(String eventId);

    /**
     * Stores an event that belongs to no transaction (a test event), as a transaction's own write
     * would store it: pending and in the sweeper's never-attempted index until a delivery touches it.
     * False when an event with its id is stored already (a retry of the request that made it).
     */
    boolean insert(WebhookEvent event);

    Optional<StoredWebhookEvent> findWithDelivery(String eventId);

    /**
     * Takes the right to deliver the event until {@code leaseUntil}: only when it is pending or
     * retrying and nobody else holds an unexpired lease. False means: leave it alone.
     */
    boolean acquireLease(String eventId, Instant now, Instant leaseUntil);

    /**
     * {@link #acquireLease} for a job of one retry chain: also only while that chain is the event's
     * current one ({@code chainId} null: the chain every event starts with). A chain the sweeper has
     * replaced (see {@link #resumeChain}) gets no lease, so its job, should it come back, does nothing.
     */
    boolean acquireLeaseForChain(String eventId, String chainId, Instant now, Instant leaseUntil);

    /** Appends the attempt, sets the new state and releases the lease; see the four-argument form. */
    default void recordAttempt(String eventId, DeliveryAttempt attempt, DeliveryState next) {
        recordAttempt(eventId, attempt, next, null);
    }

    /**
     * Appends the attempt, sets the new state and releases the lease. A final state ends the event's
     * retry chain. A retrying state records {@code nextAttempt}, when the chain's job is due back; null
     * (an attempt outside the chain, e.g. a merchant's redelivery) keeps what the chain recorded, and
     * if there is none yet (its first job never ran), expects a job from the attempt's time on.
     */
    void recordAttempt(String eventId, DeliveryAttempt attempt, DeliveryState next, NextAttempt nextAttempt);

    /** Marks a not yet delivered event failed (dead-lettered); false when it was already final. */
    boolean markFailed(String eventId, Instant at, String reason);

    /** Puts a final event back to pending for another round of delivery; its history is kept. */
    boolean reopenForRedelivery(String eventId);

    /** Pending events created before {@code createdBefore} that no delivery has touched: jobs that may be lost. */
    List<WebhookEvent> findNeverAttempted(Instant createdBefore, int limit);

    /**
     * The sweeper queued a job for this event again: it leaves the never-attempted list, since a job
     * in SQS is either attempted or dead-lettered (and then marked failed). Harmless when already gone.
     */
    void markRequeued(String eventId);

    /** Retrying events whose job was due back before {@code dueBefore}, earliest first: jobs that may be lost. */
    List<OverdueRetry> findOverdueRetries(Instant dueBefore, int limit);

    /**
     * Makes {@code newChainId} the event's retry chain, due now: only while it is still retrying, its
     * job still due at {@code seenDueAt} (no attempt since it was found) and no delivery holds the
     * lease. False means: leave it alone. Afterwards the old chain's job is refused its lease.
     */
    boolean resumeChain(String eventId, Instant seenDueAt, String newChainId, Instant now);

    /** The merchant's events of one mode, newest first; a cursor works only for the merchant and mode it came from. */
    WebhookEventPage listForMerchant(String merchantId, Mode mode, int limit, String cursor);

    /**
     * The events of one transaction, newest first, when it is the merchant's and of that mode; another
     * merchant's transaction, one of the other mode and an unknown id all give the same empty page, so a
     * list never tells whether someone else's id exists. A cursor works only for the merchant, mode and
     * transaction it came from. Events with no transaction (webhook.test) are never in such a list.
     */
    WebhookEventPage listForTransaction(String merchantId, Mode mode, String transactionId, int limit, String cursor);
}
