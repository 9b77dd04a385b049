package com.circoflows.testing;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pending webhook events with fresh ids, for tests that don't need a whole payment behind them. */
public final class WebhookTestEvents {
    private WebhookTestEvents() {
    }

    /** A payment.succeeded event for the merchant's configured endpoint (no webhook_url of its own). */
    public static WebhookEvent pending(String merchantId, Instant createdAt) {
        return pending(merchantId, createdAt, null);
    }

    public static WebhookEvent pending(String merchantId, Instant createdAt, String targetUrl) {
        return pending(merchantId, Mode.TEST, createdAt, targetUrl);
    }

    public static WebhookEvent pending(String merchantId, Mode mode, Instant createdAt, String targetUrl) {
        String transactionId = RandomIds.withPrefix("txn_", 24);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transaction_id", transactionId);
        data.put("amount", 1999);
        data.put("currency", "USD");
        data.put("status", "completed");
        return new WebhookEvent(RandomIds.withPrefix("evt_", 24), merchantId, mode, transactionId,
                WebhookEventType.PAYMENT_SUCCEEDED, createdAt, data, WebhookEvent.DeliveryStatus.PENDING, targetUrl);
    }

    public static WebhookEvent withTarget(WebhookEvent event, String targetUrl) {
        return new WebhookEvent(event.eventId(), event.merchantId(), event.mode(), event.transactionId(), event.type(),
                event.createdAt(), event.data(), event.deliveryStatus(), targetUrl);
    }
}
