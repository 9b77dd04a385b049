package com.circoflows.testing;

import com.circoflows.domain.merchant.ApiKeyRepository;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.StoredApiKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final Map<String, StoredApiKey> keys = new LinkedHashMap<>();
    private int findCalls;

    @Override
    public synchronized void create(StoredApiKey key) {
        if (keys.putIfAbsent(key.keyId(), key) != null) {
            throw new IllegalStateException("duplicate key id " + key.keyId());
        }
    }

    @Override
    public synchronized Optional<StoredApiKey> find(String keyId) {
        findCalls++;
        return Optional.ofNullable(keys.get(keyId));
    }

    public synchronized void revoke(String keyId) {
        StoredApiKey k = keys.get(keyId);
        keys.put(keyId, new StoredApiKey(k.keyId(), k.merchantId(), k.mode(), k.secretHash(), k.displayPrefix(),
                ApiKeyStatus.REVOKED, k.createdAt()));
    }

    public synchronized List<StoredApiKey> all() {
        return List.copyOf(keys.values());
    }

    public synchronized int findCalls() {
        return findCalls;
    }
}
