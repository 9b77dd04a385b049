package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.putIfPresent;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.json.Json;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.DeliveryState;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.domain.webhook.WebhookEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Webhook event <-> item. The data is kept as the exact JSON the merchant will receive. While no
 * delivery has touched an event it carries {@code sweep_key}, which puts it in the sparse index
 * the sweeper reads. {@code merchant_mode} ("mch_…#test") keys the index a key lists its events from,
 * so a list reads only the caller's mode.
 */
final class WebhookEventItems {
    static final String SWEEP_KEY = "sweep_key";
    static final String NEVER_ATTEMPTED = "never_attempted";
    static final String MERCHANT_MODE = "merchant_mode";

    private WebhookEventItems() {
    }

    static Map<String, AttributeValue> toItem(WebhookEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("event_id", s(event.eventId()));
        item.put("merchant_id", s(event.merchantId()));
        item.put("mode", s(event.mode().wireName()));
        item.put(MERCHANT_MODE, s(merchantMode(event.merchantId(), event.mode())));
        // A test event (webhook.test) has no transaction: no attribute, so it stays out of by_transaction_created.
        putIfPresent(item, "transaction_id", event.transactionId());
        item.put("type", s(event.type().wireName()));
        item.put("created_at", time(event.createdAt()));
        item.put("data", s(Json.write(event.data())));
        item.put("delivery_status", s(event.deliveryStatus().wireName()));
        putIfPresent(item, "target_url", event.targetUrl());
        if (event.deliveryStatus() == WebhookEvent.DeliveryStatus.PENDING) {
            item.put(SWEEP_KEY, s(NEVER_ATTEMPTED));
        } else if (event.deliveryStatus() == WebhookEvent.DeliveryStatus.FAILED) {
            // Recorded with nowhere to send it (WebhookEvents.announceWithoutDestination).
            item.put("failed_at", time(event.createdAt()));
            item.put("last_error", s(WebhookEvents.NO_DESTINATION));
        }
        return item;
    }

    /** The key of the index a merchant's events of one mode are listed from. */
    static String merchantMode(String merchantId, Mode mode) {
        return merchantId + "#" + mode.wireName();
    }

    static WebhookEvent fromItem(Map<String, AttributeValue> item) {
        Map<String, Object> data = Json.readMap(string(item, "data"));
        return new WebhookEvent(
                string(item, "event_id"),
                string(item, "merchant_id"),
                modeOf(item, data),
                string(item, "transaction_id"),
                WebhookEventType.fromWireName(string(item, "type")),
                time(item, "created_at"),
                data,
                WebhookEvent.DeliveryStatus.fromWireName(string(item, "delivery_status")),
                string(item, "target_url"));
    }

    /**
     * Events stored before they carried their mode have their transaction's {@code livemode} in their
     * data; {@link WebhookEventModeBackfill} writes it onto them.
     */
    static Mode modeOf(Map<String, AttributeValue> item, Map<String, Object> data) {
        String mode = string(item, "mode");
        if (mode != null) {
            return Mode.fromWireName(mode);
        }
        return Boolean.TRUE.equals(data.get("livemode")) ? Mode.LIVE : Mode.TEST;
    }

    static StoredWebhookEvent storedFromItem(Map<String, AttributeValue> item) {
        List<DeliveryAttempt> attempts = new ArrayList<>();
        AttributeValue list = item.get("attempts");
        if (list != null && list.hasL()) {
            for (AttributeValue entry : list.l()) {
                attempts.add(attemptFrom(entry.m()));
            }
        }
        DeliveryState delivery = new DeliveryState(
                WebhookEvent.DeliveryStatus.fromWireName(string(item, "delivery_status")),
                attempts,
                time(item, "delivered_at"),
                time(item, "failed_at"),
                string(item, "last_error"));
        return new StoredWebhookEvent(fromItem(item), delivery);
    }

    static AttributeValue attemptItem(DeliveryAttempt attempt) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("number", n(attempt.number()));
        m.put("at", time(attempt.at()));
        putIfPresent(m, "url", attempt.url());
        if (attempt.httpStatus() != null) {
            m.put("http_status", n(attempt.httpStatus()));
        }
        putIfPresent(m, "error", attempt.error());
        m.put("duration_ms", n(attempt.durationMillis()));
        putIfPresent(m, "response", attempt.responseSnippet());
        return AttributeValue.fromM(m);
    }

    private static DeliveryAttempt attemptFrom(Map<String, AttributeValue> m) {
        AttributeValue status = m.get("http_status");
        return new DeliveryAttempt(
                (int) Attributes.number(m, "number"),
                time(m, "at"),
                string(m, "url"),
                status == null ? null : Integer.valueOf(status.n()),
                string(m, "error"),
                Attributes.number(m, "duration_ms"),
                string(m, "response"));
    }
}
