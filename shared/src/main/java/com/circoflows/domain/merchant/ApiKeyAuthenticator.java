package com.circoflows.domain.merchant;

import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns an Authorization header into the merchant behind it, or fails with {@link ApiKeyRefused}.
 * Each verification against the key table also records the key's last use: at most about once per
 * cache TTL per container, so last_used_at is accurate to about that TTL and costs no write on a warm
 * request. A key whose secret is still stored as a bcrypt hash (written before keys moved to SHA-256)
 * is verified with bcrypt once more and its hash rewritten to the current format.
 */
public final class ApiKeyAuthenticator {
    private static final String BEARER = "bearer ";
    private static final JsonLog LOG = JsonLog.get(ApiKeyAuthenticator.class);
    private static final Consumer<String> NO_GATE = keyId -> { };

    private final ApiKeyRepository keys;
    private final SecretHasher hasher;
    private final SecretHasher legacyHasher;
    private final VerifiedKeyCache cache;
    private final Clock clock;

    /**
     * @param hasher the format keys are stored in now
     * @param legacyHasher the format of hashes stored earlier: verified when met, then rewritten with {@code hasher}
     */
    public ApiKeyAuthenticator(ApiKeyRepository keys, SecretHasher hasher, SecretHasher legacyHasher,
            VerifiedKeyCache cache, Clock clock) {
        this.keys = keys;
        this.hasher = hasher;
        this.legacyHasher = legacyHasher;
        this.cache = cache;
        this.clock = clock;
    }

    public AuthenticatedKey authenticate(String authorizationHeader) {
        return authenticate(authorizationHeader, NO_GATE);
    }

    /**
     * Accepts this container's recent verification of the same key: for routes that use a key.
     *
     * @param beforeLegacyVerification runs with the key id only when a legacy (slow) hash is about to
     *     be verified; it may throw to refuse the attempt without paying for it
     */
    public AuthenticatedKey authenticate(String authorizationHeader, Consumer<String> beforeLegacyVerification) {
        ApiKeyFormat.ParsedApiKey parsed = parse(authorizationHeader);
        Optional<AuthenticatedKey> cached = cache.lookup(parsed.lookupId(), parsed.secret());
        if (cached.isPresent() && cached.get().mode() == parsed.mode()) {
            return cached.get();
        }
        return verifyAgainstStore(parsed, beforeLegacyVerification);
    }

    /**
     * Asks the key table whatever this container remembers: for routes that manage credentials, so a
     * key revoked a moment ago in any container can do none of that on its very next call.
     */
    public AuthenticatedKey authenticateAgainstStore(String authorizationHeader,
            Consumer<String> beforeLegacyVerification) {
        return verifyAgainstStore(parse(authorizationHeader), beforeLegacyVerification);
    }

    private static ApiKeyFormat.ParsedApiKey parse(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw ApiKeyRefused.noKey("No API key provided. Send it as 'Authorization: Bearer <your API key>'.");
        }
        String header = authorizationHeader.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw ApiKeyRefused.noKey(
                    "Invalid Authorization header. Send your key as 'Authorization: Bearer <your API key>'.");
        }
        return ApiKeyFormat.parse(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> ApiKeyRefused.noKey("Invalid API key provided."));
    }

    private AuthenticatedKey verifyAgainstStore(ApiKeyFormat.ParsedApiKey parsed,
            Consumer<String> beforeLegacyVerification) {
        StoredApiKey stored = keys.find(parsed.lookupId()).orElseThrow(ApiKeyRefused::unknownKeyId);
        if (stored.status() != ApiKeyStatus.ACTIVE) {
            cache.forget(parsed.lookupId());
            throw ApiKeyRefused.revokedKeyId(stored.keyId());
        }
        if (stored.mode() != parsed.mode()) {
            throw ApiKeyRefused.knownKeyId(stored.keyId());
        }
        if (!secretMatches(parsed.secret(), stored, beforeLegacyVerification)) {
            // The cached entry (if any) belongs to the right secret; a wrong guess must not evict it.
            throw ApiKeyRefused.knownKeyId(stored.keyId());
        }
        AuthenticatedKey key = new AuthenticatedKey(stored.keyId(), stored.merchantId(), stored.mode());
        cache.remember(parsed.lookupId(), parsed.secret(), key);
        recordUse(stored.keyId());
        return key;
    }

    private boolean secretMatches(String secret, StoredApiKey stored, Consumer<String> beforeLegacyVerification) {
        if (hasher.recognises(stored.secretHash())) {
            return hasher.matches(secret, stored.secretHash());
        }
        if (!legacyHasher.recognises(stored.secretHash())) {
            LOG.warn("api_key_hash_unrecognised", Map.of("key_id", ApiKeyFormat.publicId(stored.keyId())));
            return false;
        }
        beforeLegacyVerification.accept(stored.keyId());
        if (!legacyHasher.matches(secret, stored.secretHash())) {
            return false;
        }
        upgradeHash(stored, secret);
        return true;
    }

    /**
     * Bookkeeping like {@link #recordUse}: the key is accepted whether or not the write succeeds (a
     * failed rewrite is tried again on the key's next verification). The write is conditional on the
     * old hash and sets nothing but the hash, so it never undoes a revocation made meanwhile.
     */
    private void upgradeHash(StoredApiKey stored, String secret) {
        String keyId = ApiKeyFormat.publicId(stored.keyId());
        try {
            if (keys.replaceSecretHash(stored.keyId(), stored.secretHash(), hasher.hash(secret))) {
                LOG.info("api_key_hash_upgraded", Map.of("key_id", keyId));
            }
        } catch (RuntimeException e) {
            LOG.warn("api_key_hash_not_upgraded", Map.of("key_id", keyId, "reason", e.getClass().getSimpleName()));
        }
    }

    /** Bookkeeping only: the request goes on whether or not the write succeeds. */
    private void recordUse(String keyId) {
        try {
            keys.recordUse(keyId, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("api_key_last_used_not_recorded", Map.of("key_id", ApiKeyFormat.publicId(keyId),
                    "reason", e.getClass().getSimpleName()));
        }
    }
}
