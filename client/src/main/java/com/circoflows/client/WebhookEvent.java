package com.circoflows.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A verified webhook event: {@code payment.succeeded}, {@code refund.failed}, … Delivery is at least once:
 * deduplicate on {@link #getId()}. A handler should ignore types it does not know.
 */
public final class WebhookEvent {
    private final String id;
    private final String type;
    private final String createdAt;
    private final JsonNode data;

    WebhookEvent(String id, String type, String createdAt, JsonNode data) {
        this.id = id;
        this.type = type;
        this.createdAt = createdAt;
        this.data = data;
    }

    /** {@code evt_…}, also the {@code webhook-id} header. */
    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public Instant getCreatedAt() {
        return createdAt == null ? null : OffsetDateTime.parse(createdAt).toInstant();
    }

    /** The payment (for {@code payment.*}) or the refund (for {@code refund.*}) as JSON. */
    public JsonNode getData() {
        return data;
    }

    /** {@code getDataAs(Payment.class)} for a payment event, {@code Refund.class} for a refund event. */
    public <T> T getDataAs(Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The event's data does not read as " + type.getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "WebhookEvent[" + id + ", " + type + "]";
    }
}
