package com.circoflows.domain.payment;

import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.webhook.WebhookDestinations;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.domain.webhook.WebhookEvents;
import com.circoflows.domain.webhook.WebhookJobQueue;
import com.circoflows.observability.JsonLog;
import com.circoflows.observability.Metrics;
import java.time.Clock;
import java.util.Map;

/**
 * Stores a transaction with the event its status announces, then queues the event's delivery job.
 * A failed enqueue is reported (webhook_queued: false), never fatal: the event is stored as
 * pending, and the sweeper queues it again. An event with nowhere to go (no webhook_url on the
 * payment, no endpoint set) is stored as failed and never queued, so webhook_queued is false too.
 */
public final class TransactionWriter {
    private static final JsonLog LOG = JsonLog.get(TransactionWriter.class);

    private final TransactionRepository transactions;
    private final WebhookJobQueue queue;
    private final WebhookDestinations destinations;
    private final Clock clock;
    private final Metrics metrics;

    public TransactionWriter(TransactionRepository transactions, WebhookJobQueue queue,
            WebhookDestinations destinations, Clock clock) {
        this(transactions, queue, destinations, clock, Metrics.NONE);
    }

    public TransactionWriter(TransactionRepository transactions, WebhookJobQueue queue,
            WebhookDestinations destinations, Clock clock, Metrics metrics) {
        this.transactions = transactions;
        this.queue = queue;
        this.destinations = destinations;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * The event the transaction's status announces: pending, to be queued, when it has somewhere to go
     * (the payment's webhook_url, else the merchant's endpoint); else recorded as failed, never queued.
     */
    public WebhookEvent announce(Transaction transaction) {
        return hasDestination(transaction) ? WebhookEvents.announce(transaction, clock.instant())
                : WebhookEvents.announceWithoutDestination(transaction, clock.instant());
    }

    /** An event about the payment with data of its own (a refund's), sent where the payment's events go. */
    public WebhookEvent announce(Transaction payment, WebhookEventType type, Map<String, Object> data) {
        return WebhookEvents.about(payment, type, data, clock.instant(), hasDestination(payment));
    }

    private boolean hasDestination(Transaction payment) {
        return payment.webhookUrl() != null || destinations.merchantHasEndpoint(payment.merchantId());
    }

    /**
     * Stores a new transaction. If one with its id is stored already, a retry is recovering the payment
     * a crashed request made under the same id (see ApiRequest#newObjectId): that one is the answer, as
     * it stands now, and nothing is written. Its event was stored with it; whether the crashed request
     * queued the event's job is unknown, and the sweeper queues it if it never was, so none is queued here.
     *
     * @throws RetryableFailure when the write was refused although no such transaction exists
     */
    public PaymentOutcome insert(Transaction transaction) {
        WebhookEvent event = announce(transaction);
        if (transactions.insert(transaction, event)) {
            count(transaction);
            return new PaymentOutcome(transaction, enqueue(event));
        }
        Transaction recorded = transactions.find(transaction.transactionId())
                .orElseThrow(() -> new RetryableFailure("transaction " + transaction.transactionId()
                        + " was refused by its condition but is not stored", null));
        if (!recorded.merchantId().equals(transaction.merchantId())) {
            throw new IllegalStateException("transaction id collision: " + transaction.transactionId());
        }
        LOG.info("transaction_recovered", Map.of("transaction_id", recorded.transactionId(),
                "status", recorded.status().wireName()));
        return new PaymentOutcome(recorded, false);
    }

    /** Empty when another request changed the transaction first; nothing was written then. */
    public java.util.Optional<PaymentOutcome> update(Transaction updated, boolean statusChanged) {
        WebhookEvent event = statusChanged ? announce(updated) : null;
        if (!transactions.update(updated, event)) {
            return java.util.Optional.empty();
        }
        if (statusChanged) {
            count(updated);
        }
        return java.util.Optional.of(new PaymentOutcome(updated, event != null && enqueue(event)));
    }

    /**
     * Queues the delivery job of an event already stored (e.g. with a hosted session's change).
     * Returns whether the send worked; if not, the stored pending event waits for the sweeper. An
     * event recorded without a destination is not queued (false).
     */
    public boolean queueDelivery(WebhookEvent event) {
        return enqueue(event);
    }

    /** Counted once per stored status, so a retry that recovers a stored payment counts nothing. */
    private void count(Transaction transaction) {
        PaymentFailure failure = transaction.failure();
        switch (transaction.status()) {
            case COMPLETED -> metrics.paymentRecorded(Metrics.PaymentOutcome.SUCCEEDED, null);
            case AUTHORIZED -> metrics.paymentRecorded(Metrics.PaymentOutcome.AUTHORIZED, null);
            case PENDING -> metrics.paymentRecorded(Metrics.PaymentOutcome.REQUIRES_ACTION, null);
            case FAILED -> {
                if (failure != null && failure.declineCode() != null) {
                    metrics.paymentRecorded(Metrics.PaymentOutcome.DECLINED, failure.declineCode());
                } else {
                    metrics.paymentRecorded(Metrics.PaymentOutcome.FAILED, null);
                }
            }
            case CANCELED, PARTIALLY_REFUNDED, REFUNDED -> {
                // After the payment: not a payment outcome.
            }
        }
    }

    private boolean enqueue(WebhookEvent event) {
        if (event.deliveryStatus() != WebhookEvent.DeliveryStatus.PENDING) {
            return false;
        }
        try {
            queue.enqueue(event);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("webhook_enqueue_failed", Map.of("event_id", event.eventId(),
                    "transaction_id", event.transactionId(), "reason", e.getClass().getSimpleName()));
            return false;
        }
    }
}
