package com.circoflows.domain.merchant;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers, per container and briefly, that a key verified, so warm requests skip the key table's
 * read (and its last_used_at write). Holds a SHA-256 digest of the secret, never the secret, and
 * compares digests in constant time. A revocation made through this container forgets the key at
 * once; one made elsewhere reaches this container through the rate-limit counter's revocation mark
 * (see {@link KeyRevocationBroadcast}), and at the latest when the entry expires. Routes that manage
 * credentials never rely on this cache.
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
        return Sha256SecretHasher.digest(secret);
    }

    private record Entry(byte[] secretDigest, AuthenticatedKey key, long verifiedAtNanos) {
    }
}
