package com.circoflows.domain.webhook;

import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Instant;

/**
 * Where a merchant receives events and the secret(s) they are signed with. After a rotation the
 * previous secret signs alongside the new one until {@code previousSecretExpiresAt}.
 */
public record WebhookEndpoint(
        String merchantId,
        String url,
        WebhookSecret secret,
        WebhookSecret previousSecret,
        Instant previousSecretExpiresAt,
        boolean disabled,
        String disabledReason) {

    /** The previous secret while it still signs, else null. */
    public WebhookSecret previousSecretAt(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? previousSecret : null;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + merchantId + ", " + url + ", disabled=" + disabled + "]";
    }
}
