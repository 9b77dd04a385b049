package com.circoflows.adapters.wiring;

import com.circoflows.api.keys.CreateApiKeyEndpoint;
import com.circoflows.api.keys.ListApiKeysEndpoint;
import com.circoflows.api.keys.RevokeApiKeyEndpoint;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import java.time.Duration;

/** The merchant's API keys: create, list, revoke. */
public final class KeyWiring {
    /**
     * A revocation's mark outlives the key cache's TTL by this much: a container that read the key
     * as active just before the revocation may cache it a moment later (its verification in flight).
     */
    private static final Duration REVOCATION_MARK_MARGIN = Duration.ofSeconds(10);

    private final Infrastructure infrastructure;

    KeyWiring(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    public CreateApiKeyEndpoint createApiKeyEndpoint() {
        return new CreateApiKeyEndpoint(apiKeyManagement());
    }

    public ListApiKeysEndpoint listApiKeysEndpoint() {
        return new ListApiKeysEndpoint(apiKeyManagement());
    }

    public RevokeApiKeyEndpoint revokeApiKeyEndpoint() {
        return new RevokeApiKeyEndpoint(apiKeyManagement());
    }

    /**
     * A revocation marks the key's rate-limit buckets for as long as any container may still hold a
     * verification of it (every function has the template's one API_KEY_CACHE_TTL_SECONDS), so the
     * next request with it anywhere learns of it from the count it makes anyway.
     */
    ApiKeyManagement apiKeyManagement() {
        ApiKeyIssuer issuer = new ApiKeyIssuer(infrastructure.apiKeys(), new Sha256SecretHasher(), infrastructure.clock());
        Duration markedFor = infrastructure.keyCacheTtl().plus(REVOCATION_MARK_MARGIN);
        return new ApiKeyManagement(infrastructure.apiKeys(), issuer, infrastructure.verifiedKeys(),
                keyId -> infrastructure.rateLimiter().markRevoked(keyId, markedFor), infrastructure.clock());
    }
}
