package com.circoflows.domain.webhook;

import com.circoflows.domain.merchant.Mode;
import java.time.Instant;
import java.util.Map;

/**
 * A notification owed to a merchant. {@code data} is frozen when the event is created: a merchant
 * receives the transaction as it was at that moment, however late the delivery. {@code targetUrl}
 * is the payment's own webhook_url, if it had one; otherwise the merchant's endpoint receives it.
 * {@code mode} is its transaction's: a key sees only the events of its own mode. {@code transactionId}
 * is null only for a test event (webhook.test), which is about no payment.
 */
public record WebhookEvent(
        String eventId,
        String merchantId,
        Mode mode,
        String transactionId,
        WebhookEventType type,
        Instant createdAt,
        Map<String, Object> data,
        DeliveryStatus deliveryStatus,
        String targetUrl) {

    public enum DeliveryStatus {
        PENDING("pending"),
        DELIVERED("delivered"),
        RETRYING("retrying"),
        FAILED("failed");

        private final String wireName;

        DeliveryStatus(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static DeliveryStatus fromWireName(String value) {
            for (DeliveryStatus status : values()) {
                if (status.wireName.equals(value)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown delivery status " + value);
        }
    }
}
