package com.circoflows.domain.webhook;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * PUT /api/webhook-endpoint and secret rotation: secrets are shown once, when created. The endpoint
 * and its secret receive the merchant's test-mode events (live payments are not enabled yet), so only
 * a test key may change them: a live key gets 403 live_mode_not_enabled, as it does for payments.
 */
public final class WebhookEndpointService {
    public static final Duration PREVIOUS_SECRET_OVERLAP = Duration.ofHours(24);

    private final WebhookEndpointRepository endpoints;
    private final MerchantUrlPolicy urlPolicy;
    private final Clock clock;

    public WebhookEndpointService(WebhookEndpointRepository endpoints, MerchantUrlPolicy urlPolicy, Clock clock) {
        this.endpoints = endpoints;
        this.urlPolicy = urlPolicy;
        this.clock = clock;
    }

    /** The merchant's endpoint (URL, secrets, state), or empty before a URL or secret was ever set. */
    public Optional<WebhookEndpoint> current(AuthenticatedKey caller) {
        return endpoints.find(caller.merchantId());
    }

    /** @return the endpoint and, on the merchant's first call only, the new secret to show */
    public EndpointChange setUrl(AuthenticatedKey caller, String url) {
        requireTestMode(caller);
        String checked = urlPolicy.checkWebhookUrlResolved(url, "url");
        WebhookSecret candidate = WebhookSecret.generate();
        WebhookEndpoint stored = endpoints.setUrl(caller.merchantId(), checked, candidate);
        boolean created = stored.secret().value().equals(candidate.value());
        return new EndpointChange(stored, created ? stored.secret() : null);
    }

    public EndpointChange rotateSecret(AuthenticatedKey caller) {
        requireTestMode(caller);
        WebhookSecret next = WebhookSecret.generate();
        WebhookEndpoint stored = endpoints.rotateSecret(caller.merchantId(), next,
                clock.instant().plus(PREVIOUS_SECRET_OVERLAP));
        return new EndpointChange(stored, next);
    }

    /**
     * The merchant has deployed the new secret: the previous one stops signing at once, so
     * X-Webhook-Signature is the new secret's from the next delivery on.
     *
     * @return whether a previous secret was still signing
     */
    public boolean expirePreviousSecret(AuthenticatedKey caller) {
        requireTestMode(caller);
        return endpoints.expirePreviousSecret(caller.merchantId(), clock.instant());
    }

    private static void requireTestMode(AuthenticatedKey caller) {
        if (caller.mode() != Mode.TEST) {
            throw new ApiException(ErrorCode.LIVE_MODE_NOT_ENABLED, "Live mode is not enabled for this account yet; "
                    + "its webhook endpoint receives test-mode events and is managed with a test key.");
        }
    }

    /** @param shownSecret the secret to display now, or null when it was shown before */
    public record EndpointChange(WebhookEndpoint endpoint, WebhookSecret shownSecret) {
    }
}
