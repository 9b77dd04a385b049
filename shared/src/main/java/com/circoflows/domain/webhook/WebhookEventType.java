package com.circoflows.domain.webhook;

public enum WebhookEventType {
    PAYMENT_SUCCEEDED("payment.succeeded"),
    PAYMENT_FAILED("payment.failed"),
    PAYMENT_PENDING("payment.pending"),
    PAYMENT_AUTHORIZED("payment.authorized"),
    PAYMENT_CANCELED("payment.canceled"),
    REFUND_SUCCEEDED("refund.succeeded"),
    REFUND_FAILED("refund.failed"),
    /** Sent on the merchant's request (POST /api/webhook-endpoint/test); about no payment. See ADR 0017. */
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static WebhookEventType fromWireName(String value) {
        for (WebhookEventType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown webhook event type " + value);
    }
}
