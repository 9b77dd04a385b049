package com.circoflows.domain.merchant;

import java.time.Instant;

/**
 * What we keep of an API key: its lookup id, the hash of its secret part ({@link Sha256SecretHasher};
 * keys stored before that carry a bcrypt hash until their next use), a display prefix,
 * the merchant's optional label, and when it was last verified and revoked (null if never). The full
 * key exists only in the response that created it.
 */
public record StoredApiKey(
        String keyId,
        String merchantId,
        Mode mode,
        String secretHash,
        String displayPrefix,
        String name,
        ApiKeyStatus status,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public StoredApiKey asRevokedAt(Instant at) {
        return new StoredApiKey(keyId, merchantId, mode, secretHash, displayPrefix, name, ApiKeyStatus.REVOKED,
                createdAt, lastUsedAt, at);
    }

    public StoredApiKey asUsedAt(Instant at) {
        return new StoredApiKey(keyId, merchantId, mode, secretHash, displayPrefix, name, status, createdAt, at,
                revokedAt);
    }
}
