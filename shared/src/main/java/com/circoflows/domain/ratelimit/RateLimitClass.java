package com.circoflows.domain.ratelimit;

/** The reference's default limits, per API key per minute. */
public enum RateLimitClass {
    /**
     * Key checks such as GET /api/health and the key routes, and failed authentications: counted per
     * key id they name, or per client address when they name no stored key.
     */
    AUTHENTICATION("auth", 10),
    PAYMENTS("payments", 100),
    WEBHOOKS("webhooks", 1000);

    private final String bucketName;
    private final int requestsPerMinute;

    RateLimitClass(String bucketName, int requestsPerMinute) {
        this.bucketName = bucketName;
        this.requestsPerMinute = requestsPerMinute;
    }

    public String bucketName() {
        return bucketName;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }
}
