package com.circoflows.domain.webhook;

/** An event together with its delivery history. */
public record StoredWebhookEvent(WebhookEvent event, DeliveryState delivery) {
}
