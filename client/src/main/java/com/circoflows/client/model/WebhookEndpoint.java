package com.circoflows.client.model;

/** The merchant's webhook endpoint (one per mode). */
public final class WebhookEndpoint {
    private String url;
    private String status;
    private String secret;

    private WebhookEndpoint() {
    }

    public String getUrl() {
        return url;
    }

    /** enabled or disabled. */
    public String getStatus() {
        return status;
    }

    /**
     * The signing secret ({@code whsec_…}): only in the answer to the merchant's first call, which creates
     * it; store it then. Null otherwise, and in a replay of that call.
     */
    public String getSecret() {
        return secret;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + url + ", " + status + (secret == null ? "" : ", secret hidden") + "]";
    }
}
