package com.circoflows.domain.webhook;

public enum WebhookEventType {
    PAYMENT_SUCCEEDED("payment.succeeded"),
    PAYMENT_FAILED("payment.failed"),
    PAYMENT_PENDING("payment.pending"),
    PAYMENT_AUTHORIZED("payment.authorized"),
    PAYMENT_CANCELED("payment.canceled"),
    REFUND_SUCCEEDED("refund.succeeded"),
    REFUND_FAILED("refund.failed");

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
