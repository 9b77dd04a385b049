package com.circoflows.domain.merchant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers, per container and briefly, that a key verified, so warm requests skip bcrypt. Holds a
 * SHA-256 digest of the secret, never the secret, and compares digests in constant time. A key
 * revoked elsewhere keeps working here until its entry expires: the TTL is the revocation delay
 * (a revocation made through this container forgets the key at once).
 */
public final class VerifiedKeyCache {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoClock;

    public VerifiedKeyCache(Duration ttl, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    public static VerifiedKeyCache withDefaultTtl() {
        return withTtl(DEFAULT_TTL);
    }

    public static VerifiedKeyCache withTtl(Duration ttl) {
        return new VerifiedKeyCache(ttl, System::nanoTime);
    }

    Optional<AuthenticatedKey> lookup(String lookupId, String secret) {
        Entry entry = entries.get(lookupId);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - entry.verifiedAtNanos > ttlNanos) {
            entries.remove(lookupId, entry);
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(entry.secretDigest, digest(secret))) {
            return Optional.empty();
        }
        return Optional.of(entry.key);
    }

    void remember(String lookupId, String secret, AuthenticatedKey key) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(lookupId, new Entry(digest(secret), key, nanoClock.getAsLong()));
    }

    void forget(String lookupId) {
        entries.remove(lookupId);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private record Entry(byte[] secretDigest, AuthenticatedKey key, long verifiedAtNanos) {
    }
}
