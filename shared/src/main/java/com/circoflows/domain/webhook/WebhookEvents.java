package com.circoflows.domain.webhook;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import java.time.Instant;

/** The event each transaction status announces. */
public final class WebhookEvents {
    private static final String ID_PREFIX = "evt_";
    private static final int ID_RANDOM_LENGTH = 24;

    private WebhookEvents() {
    }

    /** Whether {@code value} has the shape of the ids {@link #announce} gives events. */
    public static boolean isEventId(String value) {
        return value != null && value.length() == ID_PREFIX.length() + ID_RANDOM_LENGTH && value.startsWith(ID_PREFIX)
                && RandomIds.isBase62(value.substring(ID_PREFIX.length()));
    }

    public static WebhookEvent announce(Transaction transaction, Instant at) {
        WebhookEventType type = switch (transaction.status()) {
            case COMPLETED -> WebhookEventType.PAYMENT_SUCCEEDED;
            case FAILED -> WebhookEventType.PAYMENT_FAILED;
            case PENDING -> WebhookEventType.PAYMENT_PENDING;
        };
        return new WebhookEvent(
                RandomIds.withPrefix(ID_PREFIX, ID_RANDOM_LENGTH),
                transaction.merchantId(),
                transaction.mode(),
                transaction.transactionId(),
                type,
                at,
                TransactionView.of(transaction),
                WebhookEvent.DeliveryStatus.PENDING,
                transaction.webhookUrl());
    }
}
