package com.circoflows.client;

import com.circoflows.client.model.DeliveryAttempt;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

/**
 * One event with every delivery attempt and its payload (next to {@link WebhookEvent}, whose payload it
 * binds the same way).
 */
public final class WebhookEventDetail {
    private String eventId;
    private String type;
    private String createdAt;
    private String transactionId;
    private String deliveryStatus;
    private Integer attemptCount;
    private String deliveredAt;
    private String failedAt;
    private String lastError;
    private String targetUrl;
    private List<DeliveryAttempt> attempts;
    private JsonNode data;

    private WebhookEventDetail() {
    }

    public String getEventId() {
        return eventId;
    }

    public String getType() {
        return type;
    }

    public Instant getCreatedAt() {
        return instant(createdAt);
    }

    /** Null for webhook.test. */
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
        return instant(deliveredAt);
    }

    public Instant getFailedAt() {
        return instant(failedAt);
    }

    public String getLastError() {
        return lastError;
    }

    /** The payment's own webhook_url, when it has one. */
    public String getTargetUrl() {
        return targetUrl;
    }

    public List<DeliveryAttempt> getAttempts() {
        return attempts == null ? Collections.emptyList() : Collections.unmodifiableList(attempts);
    }

    /**
     * The payload as it was delivered: the payment (payment.*), the refund (refund.*) or a test note; read
     * it with {@link #getDataAs(Class)}, e.g. {@code getDataAs(Payment.class)}. A copy: editing it changes
     * nothing here.
     */
    public JsonNode getData() {
        return data == null ? null : data.deepCopy();
    }

    /** {@code getDataAs(Payment.class)} for a payment event, {@code Refund.class} for a refund event. */
    public <T> T getDataAs(Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The event's data does not read as " + type.getSimpleName());
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    @Override
    public String toString() {
        return "WebhookEventDetail[" + eventId + ", " + type + ", " + deliveryStatus + "]";
    }
}
