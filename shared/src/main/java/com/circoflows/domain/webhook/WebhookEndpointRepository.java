package com.circoflows.domain.webhook;

import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Instant;
import java.util.Optional;

/** The webhook settings kept with each merchant. */
public interface WebhookEndpointRepository {
    Optional<WebhookEndpoint> find(String merchantId);

    /**
     * Sets the URL (and re-enables the endpoint). Creates {@code secretIfNone} as the secret only when
     * the merchant has none yet; returns the endpoint as stored.
     */
    WebhookEndpoint setUrl(String merchantId, String url, WebhookSecret secretIfNone);

    /** Gives the merchant a signing secret if it has none (the local demo merchant); returns the one stored. */
    WebhookSecret ensureSecret(String merchantId, WebhookSecret secretIfNone);

    /** The new secret becomes current; the current one keeps signing until {@code previousExpiresAt}. */
    WebhookEndpoint rotateSecret(String merchantId, WebhookSecret newSecret, Instant previousExpiresAt);

    /**
     * Ends the rotation window now: the previous secret stops signing and is forgotten.
     *
     * @return whether a previous secret was still signing at {@code now}
     */
    boolean expirePreviousSecret(String merchantId, Instant now);

    /** The endpoint answered 410 Gone: stop delivering to it until the merchant sets a URL again. */
    void disable(String merchantId, String reason);
}
