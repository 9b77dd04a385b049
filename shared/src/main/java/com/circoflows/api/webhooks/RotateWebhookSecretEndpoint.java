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

/**
 * POST /api/webhook-endpoint/rotate-secret: a new secret, shown once; the old one keeps signing for 24 h
 * (or until expire-previous-secret). An Idempotency-Key retry does not rotate again and is answered
 * without the secret, which is never saved with the idempotency record.
 */
public final class RotateWebhookSecretEndpoint implements MerchantEndpoint {
    static final String REPLAY_MESSAGE = "The signing secret was rotated by an earlier request with the same "
            + "Idempotency-Key; the new secret is shown only once. Rotate again to get another.";

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
        Map<String, Object> withoutSecret = new LinkedHashMap<>();
        if (change.endpoint().previousSecretExpiresAt() != null && change.endpoint().previousSecret() != null) {
            withoutSecret.put("previous_secret_expires_at",
                    Timestamps.format(change.endpoint().previousSecretExpiresAt()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("secret", change.shownSecret().value());
        data.putAll(withoutSecret);
        return Envelope.ok(200, "Signing secret rotated. Store the new secret now: it is shown only once.", data)
                .withReplay(Envelope.ok(200, REPLAY_MESSAGE, withoutSecret));
    }
}
