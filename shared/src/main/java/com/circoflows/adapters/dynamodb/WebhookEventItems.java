package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.api.Json;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Webhook event <-> item; the data is kept as the exact JSON the merchant will receive. */
final class WebhookEventItems {
    private WebhookEventItems() {
    }

    static Map<String, AttributeValue> toItem(WebhookEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("event_id", s(event.eventId()));
        item.put("merchant_id", s(event.merchantId()));
        item.put("transaction_id", s(event.transactionId()));
        item.put("type", s(event.type().wireName()));
        item.put("created_at", time(event.createdAt()));
        item.put("data", s(Json.write(event.data())));
        item.put("delivery_status", s(event.deliveryStatus().wireName()));
        return item;
    }

    static WebhookEvent fromItem(Map<String, AttributeValue> item) {
        return new WebhookEvent(
                string(item, "event_id"),
                string(item, "merchant_id"),
                string(item, "transaction_id"),
                WebhookEventType.fromWireName(string(item, "type")),
                time(item, "created_at"),
                Json.readMap(string(item, "data")),
                WebhookEvent.DeliveryStatus.fromWireName(string(item, "delivery_status")));
    }
}
