package com.circoflows.client.model;

import java.time.Instant;

/** An API key as listed: its prefix, never the key, except once in the answer to creating it. */
public final class ApiKey {
    private String keyId;
    private String prefix;
    private String name;
    private String mode;
    private String status;
    private String createdAt;
    private String lastUsedAt;
    private String revokedAt;
    private String apiKey;

    private ApiKey() {
    }

    public String getKeyId() {
        return keyId;
    }

    /** Enough to recognise the key (cf_test_ab12…); not a secret. */
    public String getPrefix() {
        return prefix;
    }

    public String getName() {
        return name;
    }

    /** test or live. */
    public String getMode() {
        return mode;
    }

    /** active or revoked. */
    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return Timestamps.parse(createdAt);
    }

    /** Accurate to about a minute; null when never used. */
    public Instant getLastUsedAt() {
        return Timestamps.parse(lastUsedAt);
    }

    public Instant getRevokedAt() {
        return Timestamps.parse(revokedAt);
    }

    /**
     * The full key: in the answer to creating it only (not in a replay of that call), and never again.
     * Store it at once.
     */
    public String getApiKey() {
        return apiKey;
    }

    @Override
    public String toString() {
        // The key itself is a credential: never in a log line made of this object.
        return "ApiKey[" + keyId + ", " + prefix + ", " + status + "]";
    }
}
