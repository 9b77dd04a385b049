package com.circoflows.client;

import java.util.Map;

/**
 * Verifies webhook deliveries (docs/webhooks.md "Verifying a delivery").
 *
 * <pre>{@code
 * WebhookEvent event = Webhooks.verify(rawBody, headers, System.getenv("CIRCOFLOWS_WEBHOOK_SECRET"));
 * }</pre>
 */
public final class Webhooks {
    private Webhooks() {
    }

    /**
     * Checks the Standard Webhooks signature with a 5-minute timestamp tolerance and reads the event.
     *
     * @param payload the raw body exactly as received, before any JSON parsing
     * @param headers the delivery's headers, names in any case
     * @param secrets the endpoint's {@code whsec_…} secrets; during a rotation give both, either may sign
     * @throws WebhookVerificationException if the delivery must not be trusted
     */
    public static WebhookEvent verify(String payload, Map<String, String> headers, String... secrets) {
        return verifier().build().verify(payload, headers, secrets);
    }

    /** For another tolerance, a clock, or the legacy {@code X-Webhook-Signature}. */
    public static WebhookVerifier.Builder verifier() {
        return WebhookVerifier.builder();
    }
}
