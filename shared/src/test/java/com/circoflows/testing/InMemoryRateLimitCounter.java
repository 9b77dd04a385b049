package com.circoflows.testing;

import com.circoflows.domain.ratelimit.RateLimitBuckets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

public final class InMemoryRateLimitCounter implements RateLimitBuckets {
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, Instant> expiries = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();

    @Override
    public synchronized long incrementAndGet(String bucket, Instant expiresAt) {
        return increment(bucket, expiresAt).count();
    }

    @Override
    public synchronized Increment increment(String bucket, Instant expiresAt) {
        expiries.put(bucket, expiresAt);
        return new Increment(counts.merge(bucket, 1L, Long::sum), revoked.contains(bucket));
    }

    @Override
    public synchronized void markRevoked(String bucket, Instant expiresAt) {
        expiries.putIfAbsent(bucket, expiresAt);
        revoked.add(bucket);
    }

    @Override
    public synchronized long current(String bucket) {
        return counts.getOrDefault(bucket, 0L);
    }

    @Override
    public synchronized void giveBack(String bucket) {
        counts.computeIfPresent(bucket, (unused, count) -> Math.max(0, count - 1));
    }

    public synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public synchronized Set<String> revokedBuckets() {
        return Set.copyOf(revoked);
    }

    public synchronized Instant expiryOf(String bucket) {
        return expiries.get(bucket);
    }
}
