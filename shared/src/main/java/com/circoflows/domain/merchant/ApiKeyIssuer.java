package com.circoflows.domain.merchant;

import com.circoflows.domain.ids.RandomIds;
import java.time.Clock;

/** Creates API keys; the full key is returned once and only a hash of its secret is stored. */
public final class ApiKeyIssuer {
    private final ApiKeyRepository keys;
    private final SecretHasher hasher;
    private final Clock clock;

    public ApiKeyIssuer(ApiKeyRepository keys, SecretHasher hasher, Clock clock) {
        this.keys = keys;
        this.hasher = hasher;
        this.clock = clock;
    }

    public IssuedApiKey issue(String merchantId, Mode mode) {
        return issue(merchantId, mode, null);
    }

    /** @param name the merchant's label for the key, or null */
    public IssuedApiKey issue(String merchantId, Mode mode, String name) {
        String lookupId = RandomIds.base62(ApiKeyFormat.LOOKUP_ID_LENGTH);
        String secret = RandomIds.base62(ApiKeyFormat.SECRET_LENGTH);
        return store(merchantId, mode, lookupId, secret, name);
    }

    /**
     * Registers a key whose text was chosen elsewhere (the local runner's CIRCOFLOWS_DEMO_API_KEY),
     * after checking it has our layout.
     */
    public IssuedApiKey register(String merchantId, String fullKey) {
        ApiKeyFormat.ParsedApiKey parsed = ApiKeyFormat.parse(fullKey)
                .orElseThrow(() -> new IllegalArgumentException(
                        "not a CircoFlows API key: expected cf_test_ or cf_live_ followed by 48 letters/digits"));
        return store(merchantId, parsed.mode(), parsed.lookupId(), parsed.secret(), null);
    }

    private IssuedApiKey store(String merchantId, Mode mode, String lookupId, String secret, String name) {
        StoredApiKey stored = new StoredApiKey(
                lookupId,
                merchantId,
                mode,
                hasher.hash(secret),
                ApiKeyFormat.displayPrefix(mode, lookupId),
                name,
                ApiKeyStatus.ACTIVE,
                clock.instant(),
                null,
                null);
        keys.create(stored);
        return new IssuedApiKey(stored, ApiKeyFormat.assemble(mode, lookupId, secret));
    }
}
