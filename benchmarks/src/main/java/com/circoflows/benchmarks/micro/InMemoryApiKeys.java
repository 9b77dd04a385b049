package com.circoflows.benchmarks.micro;

import com.circoflows.domain.merchant.ApiKeyRepository;
import com.circoflows.domain.merchant.StoredApiKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A key store in memory, so an authentication benchmark times the verification, not DynamoDB. */
public final class InMemoryApiKeys implements ApiKeyRepository {
    private final Map<String, StoredApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public void create(StoredApiKey key) {
        keys.put(key.keyId(), key);
    }

    @Override
    public Optional<StoredApiKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public void recordUse(String keyId, Instant at) {
        keys.computeIfPresent(keyId, (id, key) -> key.asUsedAt(at));
    }

    @Override
    public boolean replaceSecretHash(String keyId, String expectedHash, String newHash) {
        StoredApiKey current = keys.get(keyId);
        if (current == null || !current.secretHash().equals(expectedHash)) {
            return false;
        }
        return keys.replace(keyId, current, new StoredApiKey(current.keyId(), current.merchantId(), current.mode(),
                newHash, current.displayPrefix(), current.name(), current.status(), current.createdAt(),
                current.lastUsedAt(), current.revokedAt()));
    }
}
