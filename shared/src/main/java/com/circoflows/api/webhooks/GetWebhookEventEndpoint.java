package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookEventQueries;

/** GET /api/webhook-events/{event_id}: the event, its payload and every delivery attempt. */
public final class GetWebhookEventEndpoint implements MerchantEndpoint {
    private final WebhookEventQueries events;

    public GetWebhookEventEndpoint(WebhookEventQueries events) {
        this.events = events;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.WEBHOOKS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String eventId = EventIds.fromPath(request.pathParameter("event_id"));
        return Envelope.ok(200, null, WebhookEventViews.detail(events.get(caller, eventId)));
    }
}
