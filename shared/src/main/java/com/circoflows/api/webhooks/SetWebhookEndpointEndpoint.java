package com.circoflows.api.webhooks;

import com.circoflows.api.JsonObject;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.Json;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.WebhookEndpointService.EndpointChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** PUT /api/webhook-endpoint {"url"}: the first call creates the signing secret and shows it, once. */
public final class SetWebhookEndpointEndpoint implements MerchantEndpoint {
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
        JsonObject body = Json.parseObject(request.body());
        RequestFields.rejectUnknown(body, Set.of("url"), null);
        String url = RequestFields.requiredString(body, "url", 2048);
        EndpointChange change = endpoints.setUrl(caller, url);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", change.endpoint().url());
        data.put("status", change.endpoint().disabled() ? "disabled" : "enabled");
        if (change.shownSecret() != null) {
            data.put("secret", change.shownSecret().value());
        }
        return Envelope.ok(200, change.shownSecret() != null
                ? "Webhook endpoint saved. Store the signing secret now: it is shown only once."
                : "Webhook endpoint saved", data);
    }
}
