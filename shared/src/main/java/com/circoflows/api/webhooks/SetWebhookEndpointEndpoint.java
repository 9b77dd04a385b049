package com.circoflows.api.webhooks;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonObject;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.WebhookEndpointService.EndpointChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * PUT /api/webhook-endpoint {"url"}. A merchant created before signing secrets came with every merchant
 * gets its secret from its first call, shown once: an Idempotency-Key retry of that call is answered
 * with the endpoint without the secret, and the secret is never saved with the idempotency record.
 */
public final class SetWebhookEndpointEndpoint implements MerchantEndpoint {
    static final String REPLAY_MESSAGE = "Webhook endpoint saved by an earlier request with the same Idempotency-Key; "
            + "a signing secret is shown only once.";

    private final WebhookEndpointService endpoints;

    public SetWebhookEndpointEndpoint(WebhookEndpointService endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.WEBHOOKS;
    }

    @Override
    public boolean managesCredentials() {
        return true;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        JsonObject body = RequestBodies.parseObject(request.body());
        RequestFields.rejectUnknown(body, Set.of("url"), null);
        String url = RequestFields.requiredString(body, "url", 2048);
        EndpointChange change = endpoints.setUrl(caller, url);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", change.endpoint().url());
        data.put("status", change.endpoint().disabled() ? "disabled" : "enabled");
        if (change.shownSecret() == null) {
            return Envelope.ok(200, "Webhook endpoint saved", data);
        }
        Map<String, Object> shownOnce = new LinkedHashMap<>(data);
        shownOnce.put("secret", change.shownSecret().value());
        return Envelope.ok(200, "Webhook endpoint saved. Store the signing secret now: it is shown only once.",
                shownOnce).withReplay(Envelope.ok(200, REPLAY_MESSAGE, data));
    }
}
