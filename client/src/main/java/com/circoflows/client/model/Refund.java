package com.circoflows.client.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/** A refund of a payment: succeeded, pending (settled later) or failed (the amount may be refunded again). */
public final class Refund {
    private String refundId;
    private String transactionId;
    private Long amount;
    private String currency;
    private String status;
    private String reason;
    private String failureReason;
    private Map<String, Object> metadata;
    private String createdAt;
    private String settledAt;
    private Boolean webhookQueued;

    private Refund() {
    }

    public String getRefundId() {
        return refundId;
    }

    /** The payment refunded. */
    public String getTransactionId() {
        return transactionId;
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    /** succeeded, pending or failed. */
    public String getStatus() {
        return status;
    }

    /** duplicate, fraudulent, requested_by_customer, or null. */
    public String getReason() {
        return reason;
    }

    /** Why the processor could not refund (failed only). */
    public String getFailureReason() {
        return failureReason;
    }

    public Map<String, Object> getMetadata() {
        return metadata == null ? Collections.emptyMap() : Collections.unmodifiableMap(metadata);
    }

    public Instant getCreatedAt() {
        return Timestamps.parse(createdAt);
    }

    public Instant getSettledAt() {
        return Timestamps.parse(settledAt);
    }

    /** In the answer to creating it only. */
    public Boolean getWebhookQueued() {
        return webhookQueued;
    }

    @Override
    public String toString() {
        return "Refund[" + refundId + ", " + status + ", " + amount + " " + currency + "]";
    }
}
