package com.circoflows.cli;

import com.circoflows.client.WebhookEventDetail;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The body of a delivery as the API sends it (docs/webhooks.md "Payload and signatures"):
 * {@code {"id", "type", "created_at", "data"}}, compact JSON, {@code created_at} to the second in UTC,
 * {@code data} the event's payload as the event API shows it.
 */
final class DeliveryBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveryBody() {
    }

    static String of(WebhookEventDetail event) {
        return render(event.getEventId(), event.getType(), event.getCreatedAt(), event.getData());
    }

    static String render(String eventId, String type, Instant createdAt, JsonNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", eventId);
        body.put("type", type);
        body.put("created_at", DateTimeFormatter.ISO_INSTANT.format(createdAt.truncatedTo(ChronoUnit.SECONDS)));
        body.set("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event read from JSON writes as JSON", e);
        }
    }
}
