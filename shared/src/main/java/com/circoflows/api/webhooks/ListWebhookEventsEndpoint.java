package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookEventPage;
import com.circoflows.domain.webhook.WebhookEventQueries;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/webhook-events?limit=20&cursor=…: newest first. */
public final class ListWebhookEventsEndpoint implements MerchantEndpoint {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final WebhookEventQueries events;

    public ListWebhookEventsEndpoint(WebhookEventQueries events) {
        this.events = events;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.WEBHOOKS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        int limit = limit(request.queryParameters().get("limit"));
        String cursor = request.queryParameters().get("cursor");
        WebhookEventPage page = events.list(caller, limit, cursor == null || cursor.isBlank() ? null : cursor);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("events", page.events().stream().map(WebhookEventViews::summary).toList());
        data.put("has_more", page.nextCursor() != null);
        data.put("next_cursor", page.nextCursor());
        return Envelope.ok(200, null, data);
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidParam("limit", "The limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
