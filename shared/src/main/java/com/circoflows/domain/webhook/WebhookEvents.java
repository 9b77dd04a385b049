package com.circoflows.domain.webhook;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.domain.merchant.Mode;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    /** What a test event's data says: it is about no payment, and nothing is owed for it. */
    public static final String TEST_MESSAGE = "A test event sent with POST /api/webhook-endpoint/test. "
            + "It is about no payment; answer 2xx to show your endpoint works.";
    public static final String ID_PREFIX = "evt_";
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

    /**
     * A test event (webhook.test) for the merchant's endpoint: about no payment, so no transaction id;
     * its data says it is a test. Pending, to be queued and delivered like any event.
     */
    public static WebhookEvent test(String eventId, String merchantId, Mode mode, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("test", true);
        data.put("livemode", mode == Mode.LIVE);
        data.put("message", TEST_MESSAGE);
        return new WebhookEvent(eventId, merchantId, mode, null, WebhookEventType.WEBHOOK_TEST, at, data,
                WebhookEvent.DeliveryStatus.PENDING, null);
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
