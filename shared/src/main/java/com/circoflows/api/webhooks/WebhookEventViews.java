package com.circoflows.api.webhooks;

import com.circoflows.domain.time.Timestamps;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook events as the merchant API shows them. */
final class WebhookEventViews {
    private WebhookEventViews() {
    }

    static Map<String, Object> summary(StoredWebhookEvent stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("event_id", stored.event().eventId());
        view.put("type", stored.event().type().wireName());
        view.put("created_at", Timestamps.format(stored.event().createdAt()));
        view.put("transaction_id", stored.event().transactionId());
        view.put("delivery_status", stored.delivery().status().wireName());
        view.put("attempt_count", stored.delivery().attempts().size());
        if (stored.delivery().deliveredAt() != null) {
            view.put("delivered_at", Timestamps.format(stored.delivery().deliveredAt()));
        }
        if (stored.delivery().failedAt() != null) {
            view.put("failed_at", Timestamps.format(stored.delivery().failedAt()));
        }
        if (stored.delivery().lastError() != null) {
            view.put("last_error", stored.delivery().lastError());
        }
        return view;
    }

    static Map<String, Object> detail(StoredWebhookEvent stored) {
        Map<String, Object> view = summary(stored);
        if (stored.event().targetUrl() != null) {
            view.put("target_url", stored.event().targetUrl());
        }
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (DeliveryAttempt attempt : stored.delivery().attempts()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("number", attempt.number());
            a.put("at", Timestamps.format(attempt.at()));
            a.put("url", attempt.url());
            a.put("http_status", attempt.httpStatus());
            a.put("error", attempt.error());
            a.put("duration_ms", attempt.durationMillis());
            a.put("response", attempt.responseSnippet());
            attempts.add(a);
        }
        view.put("attempts", attempts);
        view.put("data", stored.event().data());
        return view;
    }
}
