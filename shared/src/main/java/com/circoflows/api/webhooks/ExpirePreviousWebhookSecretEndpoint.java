package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookEndpointService;
import java.util.Map;

/**
 * POST /api/webhook-endpoint/expire-previous-secret (no body, or {}): the merchant has deployed the
 * secret of its last rotation, so the previous one stops signing now instead of at the end of the
 * 24 h window. Repeating it is harmless: it answers 200 and that no previous secret was signing.
 */
public final class ExpirePreviousWebhookSecretEndpoint implements MerchantEndpoint {
    private final WebhookEndpointService endpoints;

    public ExpirePreviousWebhookSecretEndpoint(WebhookEndpointService endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.WEBHOOKS;
    }

    /**
     * It changes which secret signs webhooks, so it manages credentials: a revoked key must be refused
     * here at once, not after the verified-key cache runs out.
     */
    @Override
    public boolean managesCredentials() {
        return true;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        RequestFields.rejectAnyBody(request.body());
        boolean expired = endpoints.expirePreviousSecret(caller);
        return Envelope.ok(200, expired
                ? "Previous signing secret expired: only the current secret signs webhooks from now on."
                : "No previous signing secret was signing: only the current secret signs webhooks.",
                Map.of("previous_secret_expired", expired));
    }
}
