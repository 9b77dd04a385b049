package com.circoflows.testing;

import com.circoflows.domain.merchant.ApiKeyPage;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.ManagedApiKeys;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys in a map; revocation checks the other key under the same lock, as the DynamoDB transaction does. */
public final class InMemoryApiKeyRepository implements ManagedApiKeys {
    private final Map<String, StoredApiKey> keys = new LinkedHashMap<>();
    private int findCalls;
    private RuntimeException recordUseFailure;
    private RuntimeException replaceHashFailure;

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

    @Override
    public synchronized void recordUse(String keyId, Instant at) {
        if (recordUseFailure != null) {
            throw recordUseFailure;
        }
        keys.computeIfPresent(keyId, (id, key) -> key.asUsedAt(at));
    }

    @Override
    public synchronized boolean replaceSecretHash(String keyId, String expectedHash, String newHash) {
        if (replaceHashFailure != null) {
            throw replaceHashFailure;
        }
        StoredApiKey current = keys.get(keyId);
        if (current == null || !current.secretHash().equals(expectedHash)) {
            return false;
        }
        keys.put(keyId, new StoredApiKey(current.keyId(), current.merchantId(), current.mode(), newHash,
                current.displayPrefix(), current.name(), current.status(), current.createdAt(), current.lastUsedAt(),
                current.revokedAt()));
        return true;
    }

    /** The cursor is the key id of the last key shown. */
    @Override
    public synchronized ApiKeyPage list(String merchantId, Mode mode, int limit, String cursor) {
        List<StoredApiKey> newestFirst = ofMerchant(merchantId, mode)
                .sorted(Comparator.comparing(StoredApiKey::createdAt).thenComparing(StoredApiKey::keyId).reversed())
                .toList();
        int from = 0;
        if (cursor != null) {
            from = newestFirst.stream().map(StoredApiKey::keyId).toList().indexOf(cursor) + 1;
        }
        List<StoredApiKey> page = newestFirst.subList(from, Math.min(newestFirst.size(), from + limit));
        boolean more = from + limit < newestFirst.size();
        return new ApiKeyPage(List.copyOf(page), more ? page.get(page.size() - 1).keyId() : null);
    }

    @Override
    public synchronized List<String> activeKeyIds(String merchantId, Mode mode) {
        return ofMerchant(merchantId, mode).filter(key -> key.status() == ApiKeyStatus.ACTIVE)
                .map(StoredApiKey::keyId).toList();
    }

    @Override
    public synchronized Revocation revoke(StoredApiKey key, Instant at, String whileActive) {
        StoredApiKey current = keys.get(key.keyId());
        if (current == null || current.status() != ApiKeyStatus.ACTIVE) {
            return Revocation.KEY_NOT_ACTIVE;
        }
        if (whileActive != null) {
            StoredApiKey other = keys.get(whileActive);
            if (other == null || other.status() != ApiKeyStatus.ACTIVE || !other.merchantId().equals(key.merchantId())
                    || other.mode() != key.mode()) {
                return Revocation.OTHER_KEY_NOT_ACTIVE;
            }
        }
        keys.put(key.keyId(), current.asRevokedAt(at));
        return Revocation.REVOKED;
    }

    /** Revokes behind the API's back, as another container would. */
    public synchronized void revoke(String keyId) {
        keys.computeIfPresent(keyId, (id, key) -> key.asRevokedAt(Instant.EPOCH));
    }

    /** Every later recordUse throws this, as a failing table would. */
    public synchronized void failRecordingUseWith(RuntimeException failure) {
        recordUseFailure = failure;
    }

    /** Every later replaceSecretHash throws this (null: succeeds again), as a failing table would. */
    public synchronized void failReplacingHashesWith(RuntimeException failure) {
        replaceHashFailure = failure;
    }

    public synchronized List<StoredApiKey> all() {
        return List.copyOf(keys.values());
    }

    public synchronized int findCalls() {
        return findCalls;
    }

    private java.util.stream.Stream<StoredApiKey> ofMerchant(String merchantId, Mode mode) {
        return keys.values().stream().filter(key -> key.merchantId().equals(merchantId) && key.mode() == mode);
    }
}
