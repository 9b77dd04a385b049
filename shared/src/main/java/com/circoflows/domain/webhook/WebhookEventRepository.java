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

    Optional<StoredWebhookEvent> findWithDelivery(String eventId);

    /**
     * Takes the right to deliver the event until {@code leaseUntil}: only when it is pending or
     * retrying and nobody else holds an unexpired lease. False means: leave it alone.
     */
    boolean acquireLease(String eventId, Instant now, Instant leaseUntil);

    /** Appends the attempt, sets the new state and releases the lease. */
    void recordAttempt(String eventId, DeliveryAttempt attempt, DeliveryState next);

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

    /** The merchant's events of one mode, newest first; a cursor works only for the merchant and mode it came from. */
    WebhookEventPage listForMerchant(String merchantId, Mode mode, int limit, String cursor);
}
