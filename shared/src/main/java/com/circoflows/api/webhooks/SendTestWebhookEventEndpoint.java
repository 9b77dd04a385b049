package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.RequestBodies;
import com.circoflows.domain.error.ApiException;
import com.circoflows.json.JsonObject;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookEvents;
import com.circoflows.domain.webhook.WebhookTestSender;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/webhook-endpoint/test (no body, or {}): 202 with the new webhook.test event as the list
 * shows it, and webhook_queued. Follow its delivery with GET /api/webhook-events/{event_id}.
 */
public final class SendTestWebhookEventEndpoint implements MerchantEndpoint {
    private final WebhookTestSender sender;

    public SendTestWebhookEventEndpoint(WebhookTestSender sender) {
        this.sender = sender;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.WEBHOOKS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        rejectBody(request.body());
        WebhookTestSender.Sent sent = sender.send(caller, request.newObjectId(WebhookEvents.ID_PREFIX));
        Map<String, Object> data = new LinkedHashMap<>(WebhookEventViews.summary(sent.event()));
        data.put("webhook_queued", sent.queued());
        return Envelope.ok(202, "Test event queued", data);
    }

    /** No body or {}, as for rotate-secret; a chosen type gets its own answer (ADR 0017: always webhook.test). */
    private static void rejectBody(String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        JsonObject fields = RequestBodies.parseObject(body);
        if (fields.get("type") != null) {
            throw ApiException.invalidParam("type", "A test event is always of type webhook.test, about no payment; "
                    + "send no body (or {}).");
        }
        RequestFields.rejectUnknown(fields, Set.of(), null);
    }
}
