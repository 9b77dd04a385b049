package com.circoflows.domain.merchant;

import java.time.Instant;

/**
 * What we keep of an API key: its lookup id, the bcrypt hash of its secret part and a display
 * prefix. The full key exists only in the response that created it.
 */
public record StoredApiKey(
        String keyId,
        String merchantId,
        Mode mode,
        String secretHash,
        String displayPrefix,
        ApiKeyStatus status,
        Instant createdAt) {
}
