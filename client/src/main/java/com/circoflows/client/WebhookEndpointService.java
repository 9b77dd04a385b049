package com.circoflows.client;

import com.circoflows.client.model.WebhookEndpoint;
import com.circoflows.client.model.WebhookEventSummary;
import com.circoflows.client.model.WebhookSecretRotation;
import java.util.Map;

/** {@code /api/webhook-endpoint}: where events are sent, and the secret that signs them. */
public final class WebhookEndpointService {
    private static final String PATH = "/api/webhook-endpoint";

    private final ApiRequestor requestor;

    WebhookEndpointService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /**
     * Sets the endpoint's URL (PUT). The merchant's first call creates the signing secret and shows it
     * once, in {@link WebhookEndpoint#getSecret()}.
     */
    @ApiOperation("setWebhookEndpoint")
    public WebhookEndpoint set(String url) {
        return set(url, RequestOptions.none());
    }

    @ApiOperation("setWebhookEndpoint")
    public WebhookEndpoint set(String url, RequestOptions options) {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("a URL is required");
        }
        return requestor.put(PATH, Map.of("url", url), options, WebhookEndpoint.class);
    }

    /**
     * A new secret, shown once. The previous one keeps signing until
     * {@link WebhookSecretRotation#getPreviousSecretExpiresAt()}: verify with both meanwhile.
     */
    @ApiOperation("rotateWebhookSecret")
    public WebhookSecretRotation rotateSecret() {
        return rotateSecret(RequestOptions.none());
    }

    @ApiOperation("rotateWebhookSecret")
    public WebhookSecretRotation rotateSecret(RequestOptions options) {
        return requestor.post(PATH + "/rotate-secret", null, options, WebhookSecretRotation.class);
    }

    /** Stops the previous secret signing now; false when there was none left to expire. */
    @ApiOperation("expirePreviousWebhookSecret")
    public boolean expirePreviousSecret() {
        return expirePreviousSecret(RequestOptions.none());
    }

    @ApiOperation("expirePreviousWebhookSecret")
    public boolean expirePreviousSecret(RequestOptions options) {
        return requestor.send("POST", PATH + "/expire-previous-secret", null, options)
                .path("previous_secret_expired").asBoolean(false);
    }

    /** Sends a {@code webhook.test} event to the endpoint, to check it receives and verifies deliveries. */
    @ApiOperation("sendTestWebhookEvent")
    public WebhookEventSummary sendTestEvent() {
        return sendTestEvent(RequestOptions.none());
    }

    @ApiOperation("sendTestWebhookEvent")
    public WebhookEventSummary sendTestEvent(RequestOptions options) {
        return requestor.post(PATH + "/test", null, options, WebhookEventSummary.class);
    }
}
