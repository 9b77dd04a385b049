package com.circoflows.client.model;

import java.time.Instant;

/** An event as the event list shows it: what it is about and how its delivery went. */
public final class WebhookEventSummary {
    private String eventId;
    private String type;
    private String createdAt;
    private String transactionId;
    private String deliveryStatus;
    private Integer attemptCount;
    private String deliveredAt;
    private String failedAt;
    private String lastError;
    private Boolean webhookQueued;

    private WebhookEventSummary() {
    }

    public String getEventId() {
        return eventId;
    }

    /** payment.succeeded, refund.failed, webhook.test, … */
    public String getType() {
        return type;
    }

    public Instant getCreatedAt() {
        return Timestamps.parse(createdAt);
    }

    /** The payment it is about; null for webhook.test. */
    public String getTransactionId() {
        return transactionId;
    }

    /** pending, delivered, retrying or failed. */
    public String getDeliveryStatus() {
        return deliveryStatus;
    }

    public Integer getAttemptCount() {
        return attemptCount;
    }

    public Instant getDeliveredAt() {
        return Timestamps.parse(deliveredAt);
    }

    public Instant getFailedAt() {
        return Timestamps.parse(failedAt);
    }

    public String getLastError() {
        return lastError;
    }

    /** In the answer to sending a test event only: whether its delivery job was queued at once. */
    public Boolean getWebhookQueued() {
        return webhookQueued;
    }

    @Override
    public String toString() {
        return "WebhookEventSummary[" + eventId + ", " + type + ", " + deliveryStatus + "]";
    }
}
