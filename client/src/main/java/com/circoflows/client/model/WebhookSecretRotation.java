package com.circoflows.client.model;

import java.time.Instant;

/** A new signing secret; the previous one keeps signing (both signatures are sent) until it expires. */
public final class WebhookSecretRotation {
    private String secret;
    private String previousSecretExpiresAt;

    private WebhookSecretRotation() {
    }

    /** The new secret, shown this once; null in a replay of the call retried with its Idempotency-Key. */
    public String getSecret() {
        return secret;
    }

    /** Until when the previous secret keeps signing; null when there was none. */
    public Instant getPreviousSecretExpiresAt() {
        return Timestamps.parse(previousSecretExpiresAt);
    }

    @Override
    public String toString() {
        return "WebhookSecretRotation[previous expires " + previousSecretExpiresAt + "]";
    }
}
