package com.circoflows.domain.merchant;

import java.time.Instant;
import java.util.List;

/** A merchant's keys of one mode, as POST/GET/DELETE /api/keys manage them. */
public interface ManagedApiKeys extends ApiKeyRepository {
    /** Newest first; {@code cursor} is a previous page's next cursor (for this merchant and mode), or null. */
    ApiKeyPage list(String merchantId, Mode mode, int limit, String cursor);

    /**
     * Ids of the active keys, from the merchant index: a key created or revoked a moment ago may be
     * missing or still present, so treat this as candidates, and let {@link #revoke} decide.
     */
    List<String> activeKeyIds(String merchantId, Mode mode);

    /**
     * Marks an active key revoked, in one conditional write: only if it is still active and, when
     * {@code whileActive} is not null, only if that other key of the same merchant and mode is active
     * at the same instant.
     */
    Revocation revoke(StoredApiKey key, Instant at, String whileActive);

    enum Revocation {
        REVOKED,
        /** Nothing changed: the key was not active any more. */
        KEY_NOT_ACTIVE,
        /** Nothing changed: the other key was not active (any more). */
        OTHER_KEY_NOT_ACTIVE
    }
}
