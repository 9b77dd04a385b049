package com.circoflows.api;

import java.util.Optional;

/**
 * Absolute URLs for customer-facing pages (and the dashboard's upload return). PUBLIC_BASE_URL when configured (a custom domain, or
 * http://localhost:3000 locally); otherwise the host the request itself came in on.
 */
public final class PublicUrls {
    private final Optional<String> configuredBase;

    public PublicUrls(Optional<String> configuredBase) {
        this.configuredBase = configuredBase.map(base -> base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    public String threeDSecurePage(ApiRequest request, String transactionId) {
        return base(request) + "/pay/3ds/" + transactionId;
    }

    /** The hosted payment page of a session: the reference's payment_url. */
    public String paymentPage(ApiRequest request, String sessionId) {
        return base(request) + "/pay/" + sessionId;
    }

    /** Any path of ours as an absolute URL: where another service (S3, after an upload) sends the browser back to. */
    public String absolute(ApiRequest request, String path) {
        return base(request) + path;
    }

    private String base(ApiRequest request) {
        return configuredBase.orElseGet(() -> "https://" + request.domainName());
    }
}
