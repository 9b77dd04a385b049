package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookRedelivery;

/** POST /api/webhook-events/{event_id}/redeliver (no body, or {}): 202, the delivery is queued. */
public final class RedeliverWebhookEventEndpoint implements MerchantEndpoint {
    private final WebhookRedelivery redelivery;

    public RedeliverWebhookEventEndpoint(WebhookRedelivery redelivery) {
        this.redelivery = redelivery;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.WEBHOOKS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String eventId = EventIds.fromPath(request.pathParameter("event_id"));
        RequestFields.rejectAnyBody(request.body());
        return Envelope.ok(202, "Redelivery queued", WebhookEventViews.summary(redelivery.redeliver(caller, eventId)));
    }
}
