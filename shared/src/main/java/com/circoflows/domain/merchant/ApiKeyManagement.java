package com.circoflows.domain.merchant;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.ManagedApiKeys.Revocation;
import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A merchant's own API keys, managed with one of them: create, list, revoke. A key sees only the keys
 * of its own merchant and mode; any other key id is not found, exactly like an unknown one.
 */
public final class ApiKeyManagement {
    /** So that one leaked key cannot mint keys without end. */
    public static final int MAX_ACTIVE_KEYS_PER_MODE = 20;
    private static final JsonLog LOG = JsonLog.get(ApiKeyManagement.class);

    private final ManagedApiKeys keys;
    private final ApiKeyIssuer issuer;
    private final VerifiedKeyCache cache;
    private final KeyRevocationBroadcast broadcast;
    private final Clock clock;

    public ApiKeyManagement(ManagedApiKeys keys, ApiKeyIssuer issuer, VerifiedKeyCache cache,
            KeyRevocationBroadcast broadcast, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.cache = cache;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    /**
     * The cap is counted on the merchant index, which lags writes by a moment: requests racing each
     * other can pass it by as many as are in flight, never by more.
     */
    public IssuedApiKey create(AuthenticatedKey caller, String name) {
        if (keys.activeKeyIds(caller.merchantId(), caller.mode()).size() >= MAX_ACTIVE_KEYS_PER_MODE) {
            throw new ApiException(ErrorCode.API_KEY_LIMIT_REACHED, "This account already has "
                    + MAX_ACTIVE_KEYS_PER_MODE + " active " + caller.mode().wireName()
                    + " API keys, the most it may have; revoke one before creating another.");
        }
        return issuer.issue(caller.merchantId(), caller.mode(), name);
    }

    public ApiKeyPage list(AuthenticatedKey caller, int limit, String cursor) {
        return keys.list(caller.merchantId(), caller.mode(), limit, cursor);
    }

    /**
     * Revokes one of the caller's keys (the caller's own included). Revoking a revoked key answers it
     * again, unchanged. Unless {@code confirmLastKey}, the revocation is written only together with a
     * check, in the same atomic write, that another active key of the merchant and mode exists: the
     * store serialises two revocations racing for the last two keys, and the second one's check fails,
     * so the merchant is never left without a key it did not agree to lose. This needs no counter to
     * keep in step with the keys, so keys written by earlier versions or by the admin tool count as
     * they are. Once revoked, the key is forgotten by this container's cache and announced to the
     * others; repeating the revocation announces it again.
     */
    public StoredApiKey revoke(AuthenticatedKey caller, String keyId, boolean confirmLastKey) {
        StoredApiKey key = owned(caller, keyId);
        if (key.status() == ApiKeyStatus.REVOKED) {
            forgetEverywhere(keyId);
            return key;
        }
        Instant now = clock.instant();
        if (confirmLastKey) {
            return settle(caller, key, keys.revoke(key, now, null), now);
        }
        List<String> others = keys.activeKeyIds(caller.merchantId(), caller.mode()).stream()
                .filter(other -> !other.equals(keyId)).toList();
        for (String other : others) {
            Revocation outcome = keys.revoke(key, now, other);
            if (outcome != Revocation.OTHER_KEY_NOT_ACTIVE) {
                return settle(caller, key, outcome, now);
            }
        }
        throw new ApiException(ErrorCode.LAST_ACTIVE_KEY, "This is the last active " + caller.mode().wireName()
                + " API key of this account: without it, no " + caller.mode().wireName() + " request can be made. "
                + "Create another key first, or repeat the request with confirm_last_key=true to revoke it anyway.");
    }

    private StoredApiKey settle(AuthenticatedKey caller, StoredApiKey key, Revocation outcome, Instant now) {
        forgetEverywhere(key.keyId());
        if (outcome == Revocation.REVOKED) {
            return key.asRevokedAt(now);
        }
        // Revoked by a concurrent request a moment ago: that revocation is the answer.
        return owned(caller, key.keyId());
    }

    /**
     * The revocation is written already; a failed announcement only leaves other containers on their
     * cache's TTL, so it is logged, not answered with an error that would hide the revocation.
     */
    private void forgetEverywhere(String keyId) {
        cache.forget(keyId);
        try {
            broadcast.announce(keyId);
        } catch (RuntimeException e) {
            LOG.warn("api_key_revocation_not_announced", Map.of("key_id", ApiKeyFormat.publicId(keyId),
                    "reason", e.getClass().getSimpleName()));
        }
    }

    private StoredApiKey owned(AuthenticatedKey caller, String keyId) {
        return keys.find(keyId)
                .filter(key -> key.merchantId().equals(caller.merchantId()) && key.mode() == caller.mode())
                .orElseThrow(() -> new ApiException(ErrorCode.API_KEY_NOT_FOUND));
    }
}
