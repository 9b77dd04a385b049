package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.time.Timestamps;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.WebhookEndpointService.EndpointChange;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST /api/webhook-endpoint/rotate-secret: a new secret; the old one keeps signing for 24 h. */
public final class RotateWebhookSecretEndpoint implements MerchantEndpoint {
    private final WebhookEndpointService endpoints;

    public RotateWebhookSecretEndpoint(WebhookEndpointService endpoints) {
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
        RequestFields.rejectAnyBody(request.body());
        EndpointChange change = endpoints.rotateSecret(caller);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("secret", change.shownSecret().value());
        if (change.endpoint().previousSecretExpiresAt() != null && change.endpoint().previousSecret() != null) {
            data.put("previous_secret_expires_at", Timestamps.format(change.endpoint().previousSecretExpiresAt()));
        }
        return Envelope.ok(200, "Signing secret rotated. Store the new secret now: it is shown only once.", data);
    }
}
