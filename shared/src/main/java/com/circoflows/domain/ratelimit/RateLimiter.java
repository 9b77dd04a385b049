package com.circoflows.domain.ratelimit;

import java.time.Clock;
import java.time.Instant;

/**
 * Fixed one-minute windows. Simple, and exact enough: a client can at worst burst twice the limit
 * across a window boundary, which the reference's per-minute wording allows.
 */
public final class RateLimiter {
    private static final long WINDOW_SECONDS = 60;
    /** Buckets outlive their window a little so a late increment never recreates an expired one. */
    private static final long BUCKET_GRACE_SECONDS = 60;

    private final RateLimitCounter counter;
    private final Clock clock;

    public RateLimiter(RateLimitCounter counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    /** Counts one request by {@code subject} (an API key id, or a client address before authentication). */
    public RateLimitDecision consume(RateLimitClass limitClass, String subject) {
        long now = clock.instant().getEpochSecond();
        long windowStart = now - Math.floorMod(now, WINDOW_SECONDS);
        long reset = windowStart + WINDOW_SECONDS;
        String bucket = limitClass.bucketName() + "#" + subject + "#" + windowStart;
        long count = counter.incrementAndGet(bucket, Instant.ofEpochSecond(reset + BUCKET_GRACE_SECONDS));
        int limit = limitClass.requestsPerMinute();
        int remaining = (int) Math.max(0, limit - count);
        return new RateLimitDecision(limit, remaining, reset, Math.max(1, reset - now), count <= limit);
    }
}
