package com.circoflows.client.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * A hosted payment session. The answers to create, get, list and cancel each show part of it: fields an
 * answer leaves out are null ({@code payment_url} is in the answer to creating it only).
 */
public final class Session {
    private String sessionId;
    private String paymentUrl;
    private Long amount;
    private String currency;
    private String description;
    private String status;
    private String captureMethod;
    private String locale;
    private String transactionId;
    private CustomerInfo customerInfo;
    private Map<String, Object> metadata;
    private String createdAt;
    private String expiresAt;
    private String completedAt;
    private String cancelledAt;

    private Session() {
    }

    public String getSessionId() {
        return sessionId;
    }

    /** Send the customer here (in the answer to creating the session only). */
    public String getPaymentUrl() {
        return paymentUrl;
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getDescription() {
        return description;
    }

    /** pending, completed, cancelled or expired. */
    public String getStatus() {
        return status;
    }

    /** manual when created so; else null (automatic). */
    public String getCaptureMethod() {
        return captureMethod;
    }

    /** When created with a locale other than auto. */
    public String getLocale() {
        return locale;
    }

    /** The payment made on the page, once completed. */
    public String getTransactionId() {
        return transactionId;
    }

    public CustomerInfo getCustomerInfo() {
        return customerInfo;
    }

    public Map<String, Object> getMetadata() {
        return metadata == null ? Collections.emptyMap() : Collections.unmodifiableMap(metadata);
    }

    public Instant getCreatedAt() {
        return Timestamps.parse(createdAt);
    }

    public Instant getExpiresAt() {
        return Timestamps.parse(expiresAt);
    }

    public Instant getCompletedAt() {
        return Timestamps.parse(completedAt);
    }

    public Instant getCancelledAt() {
        return Timestamps.parse(cancelledAt);
    }

    @Override
    public String toString() {
        return "Session[" + sessionId + ", " + status + ", " + amount + " " + currency + "]";
    }
}
