package com.circoflows.testing;

import com.circoflows.domain.ratelimit.RateLimitCounter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryRateLimitCounter implements RateLimitCounter {
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, Instant> expiries = new HashMap<>();

    @Override
    public synchronized long incrementAndGet(String bucket, Instant expiresAt) {
        expiries.put(bucket, expiresAt);
        return counts.merge(bucket, 1L, Long::sum);
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

    public synchronized Instant expiryOf(String bucket) {
        return expiries.get(bucket);
    }
}
