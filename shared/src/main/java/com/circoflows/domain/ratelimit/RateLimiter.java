package com.circoflows.domain.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed one-minute windows. Simple, and exact enough: a client can at worst burst twice the limit
 * across a window boundary, which the reference's per-minute wording allows.
 */
public final class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Buckets outlive their window a little so a late increment never recreates an expired one. */
    private static final long BUCKET_GRACE_SECONDS = 60;

    private final RateLimitCounter counter;
    private final Clock clock;

    public RateLimiter(RateLimitCounter counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    /** The decision as it stands, counting nothing: allowed while the count is under the limit. */
    public RateLimitDecision peek(RateLimitClass limitClass, String subject) {
        Window window = window(limitClass, subject);
        long count = counter.current(window.bucket);
        int limit = limitClass.requestsPerMinute();
        return new RateLimitDecision(limit, (int) Math.max(0, limit - count), window.reset,
                Math.max(1, window.reset - window.now), count < limit);
    }

    /** Counts one request by {@code subject} (an API key id, or a client address before authentication). */
    public RateLimitDecision consume(RateLimitClass limitClass, String subject) {
        Window window = window(limitClass, subject);
        long count = counter.incrementAndGet(window.bucket, Instant.ofEpochSecond(window.reset + BUCKET_GRACE_SECONDS));
        int limit = limitClass.requestsPerMinute();
        int remaining = (int) Math.max(0, limit - count);
        return new RateLimitDecision(limit, remaining, window.reset, Math.max(1, window.reset - window.now),
                count <= limit);
    }

    private Window window(RateLimitClass limitClass, String subject) {
        Instant now = clock.instant();
        FixedWindow window = FixedWindow.containing(now, WINDOW);
        return new Window(limitClass.bucketName() + "#" + subject + "#" + window.startEpochSecond(),
                now.getEpochSecond(), window.endEpochSecond());
    }

    private record Window(String bucket, long now, long reset) {
    }
}
