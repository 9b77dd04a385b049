package com.circoflows.domain.webhook;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import java.time.Instant;
import java.util.Map;

/** The event each transaction status announces. */
public final class WebhookEvents {
    /**
     * Why an event recorded without a destination (no webhook_url on its payment, no endpoint set) was
     * never sent: it is stored as failed with this as its last_error, so it is listed and can be
     * redelivered once the merchant sets an endpoint.
     */
    public static final String NO_DESTINATION = "no_endpoint: the payment had no webhook_url and no endpoint was set "
            + "(PUT /api/webhook-endpoint, then redeliver)";
    private static final String ID_PREFIX = "evt_";
    private static final int ID_RANDOM_LENGTH = 24;

    private WebhookEvents() {
    }

    /** Whether {@code value} has the shape of the ids {@link #announce} gives events. */
    public static boolean isEventId(String value) {
        return value != null && value.length() == ID_PREFIX.length() + ID_RANDOM_LENGTH && value.startsWith(ID_PREFIX)
                && RandomIds.isBase62(value.substring(ID_PREFIX.length()));
    }

    /** The event, to be queued for delivery. */
    public static WebhookEvent announce(Transaction transaction, Instant at) {
        return announce(transaction, at, WebhookEvent.DeliveryStatus.PENDING);
    }

    /** The event of a payment with nowhere to send it: recorded as failed ({@link #NO_DESTINATION}), never queued. */
    public static WebhookEvent announceWithoutDestination(Transaction transaction, Instant at) {
        return announce(transaction, at, WebhookEvent.DeliveryStatus.FAILED);
    }

    /**
     * An event about something done to a payment other than its status (a refund), with its own data,
     * sent where the payment's events go. Pending to be queued, or failed when it has nowhere to go.
     */
    public static WebhookEvent about(Transaction payment, WebhookEventType type, Map<String, Object> data,
            Instant at, boolean hasDestination) {
        return new WebhookEvent(
                RandomIds.withPrefix(ID_PREFIX, ID_RANDOM_LENGTH),
                payment.merchantId(),
                payment.mode(),
                payment.transactionId(),
                type,
                at,
                data,
                hasDestination ? WebhookEvent.DeliveryStatus.PENDING : WebhookEvent.DeliveryStatus.FAILED,
                payment.webhookUrl());
    }

    private static WebhookEvent announce(Transaction transaction, Instant at, WebhookEvent.DeliveryStatus status) {
        WebhookEventType type = switch (transaction.status()) {
            case COMPLETED -> WebhookEventType.PAYMENT_SUCCEEDED;
            case FAILED -> WebhookEventType.PAYMENT_FAILED;
            case PENDING -> WebhookEventType.PAYMENT_PENDING;
            case AUTHORIZED -> WebhookEventType.PAYMENT_AUTHORIZED;
            case CANCELED -> WebhookEventType.PAYMENT_CANCELED;
            // A refund announces itself (refund.succeeded / refund.failed), not the payment's new status.
            case PARTIALLY_REFUNDED, REFUNDED -> throw new IllegalArgumentException(
                    "a refund's event describes the refund, not the payment");
        };
        return new WebhookEvent(
                RandomIds.withPrefix(ID_PREFIX, ID_RANDOM_LENGTH),
                transaction.merchantId(),
                transaction.mode(),
                transaction.transactionId(),
                type,
                at,
                TransactionView.of(transaction),
                status,
                transaction.webhookUrl());
    }
}
