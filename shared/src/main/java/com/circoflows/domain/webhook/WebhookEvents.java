package com.circoflows.domain.webhook;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import java.time.Instant;

/** The event each transaction status announces. */
public final class WebhookEvents {
    private WebhookEvents() {
    }

    public static WebhookEvent announce(Transaction transaction, Instant at) {
        WebhookEventType type = switch (transaction.status()) {
            case COMPLETED -> WebhookEventType.PAYMENT_SUCCEEDED;
            case FAILED -> WebhookEventType.PAYMENT_FAILED;
            case PENDING -> WebhookEventType.PAYMENT_PENDING;
        };
        return new WebhookEvent(
                RandomIds.withPrefix("evt_", 24),
                transaction.merchantId(),
                transaction.transactionId(),
                type,
                at,
                TransactionView.of(transaction),
                WebhookEvent.DeliveryStatus.PENDING,
                transaction.webhookUrl());
    }
}
