package com.circoflows.domain.merchant;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an Authorization header into the merchant behind it, or fails with authentication_failed.
 * Each bcrypt verification also records the key's last use: at most about once per cache TTL per
 * container, so last_used_at is accurate to about that TTL and costs no write on a warm request.
 */
public final class ApiKeyAuthenticator {
    private static final String BEARER = "bearer ";
    private static final JsonLog LOG = JsonLog.get(ApiKeyAuthenticator.class);

    private final ApiKeyRepository keys;
    private final SecretHasher hasher;
    private final VerifiedKeyCache cache;
    private final Clock clock;

    public ApiKeyAuthenticator(ApiKeyRepository keys, SecretHasher hasher, VerifiedKeyCache cache, Clock clock) {
        this.keys = keys;
        this.hasher = hasher;
        this.cache = cache;
        this.clock = clock;
    }

    public AuthenticatedKey authenticate(String authorizationHeader) {
        return authenticate(authorizationHeader, () -> { });
    }

    /**
     * @param beforeBcrypt runs only when a bcrypt verification is about to be paid (cache miss on a
     *     known key); it may throw to refuse the attempt without paying it
     */
    public AuthenticatedKey authenticate(String authorizationHeader, Runnable beforeBcrypt) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new ApiException(ErrorCode.AUTHENTICATION_FAILED,
                    "No API key provided. Send it as 'Authorization: Bearer <your API key>'.");
        }
        String header = authorizationHeader.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new ApiException(ErrorCode.AUTHENTICATION_FAILED,
                    "Invalid Authorization header. Send your key as 'Authorization: Bearer <your API key>'.");
        }
        ApiKeyFormat.ParsedApiKey parsed = ApiKeyFormat.parse(header.substring(BEARER.length()).strip())
                .orElseThrow(ApiKeyAuthenticator::invalidKey);

        Optional<AuthenticatedKey> cached = cache.lookup(parsed.lookupId(), parsed.secret());
        if (cached.isPresent() && cached.get().mode() == parsed.mode()) {
            return cached.get();
        }
        StoredApiKey stored = keys.find(parsed.lookupId()).orElseThrow(ApiKeyAuthenticator::invalidKey);
        if (stored.status() != ApiKeyStatus.ACTIVE) {
            cache.forget(parsed.lookupId());
            throw invalidKey();
        }
        if (stored.mode() != parsed.mode()) {
            throw invalidKey();
        }
        beforeBcrypt.run();
        if (!hasher.matches(parsed.secret(), stored.secretHash())) {
            // The cached entry (if any) belongs to the right secret; a wrong guess must not evict it.
            throw invalidKey();
        }
        AuthenticatedKey key = new AuthenticatedKey(stored.keyId(), stored.merchantId(), stored.mode());
        cache.remember(parsed.lookupId(), parsed.secret(), key);
        recordUse(stored.keyId());
        return key;
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

    private static ApiException invalidKey() {
        return new ApiException(ErrorCode.AUTHENTICATION_FAILED, "Invalid API key provided.");
    }
}
