package com.circoflows.domain.merchant;

import java.time.Instant;
import java.util.Optional;

/** What issuing and verifying keys need; the merchant's own key management is {@link ManagedApiKeys}. */
public interface ApiKeyRepository {
    void create(StoredApiKey key);

    Optional<StoredApiKey> find(String keyId);

    /** Sets last_used_at; touches nothing else and never creates a key. */
    void recordUse(String keyId, Instant at);

    /**
     * Sets the secret's hash to {@code newHash} only while it is still {@code expectedHash}; touches
     * nothing else (a revocation made meanwhile stays). False when the stored hash was not that one.
     */
    boolean replaceSecretHash(String keyId, String expectedHash, String newHash);
}
