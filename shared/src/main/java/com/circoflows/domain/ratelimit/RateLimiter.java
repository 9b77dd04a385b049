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

    private final RateLimitBuckets buckets;
    private final Clock clock;

    public RateLimiter(RateLimitBuckets buckets, Clock clock) {
        this.buckets = buckets;
        this.clock = clock;
    }

    /** The decision as it stands, counting nothing: allowed while the count is under the limit. */
    public RateLimitDecision peek(RateLimitClass limitClass, String subject) {
        Window window = window(limitClass, subject);
        long count = buckets.current(window.bucket);
        int limit = limitClass.requestsPerMinute();
        return new RateLimitDecision(limit, (int) Math.max(0, limit - count), window.reset,
                Math.max(1, window.reset - window.now), count < limit, false);
    }

    /** Counts one request by {@code subject} (an API key id, or a client address before authentication). */
    public RateLimitDecision consume(RateLimitClass limitClass, String subject) {
        Window window = window(limitClass, subject);
        RateLimitBuckets.Increment counted = buckets.increment(window.bucket, expiry(window.reset));
        int limit = limitClass.requestsPerMinute();
        int remaining = (int) Math.max(0, limit - counted.count());
        return new RateLimitDecision(limit, remaining, window.reset, Math.max(1, window.reset - window.now),
                counted.count() <= limit, counted.revoked());
    }

    /**
     * Marks {@code subject} revoked in every class's bucket of every window from now's through the one
     * holding now + {@code horizon}, so that each {@link #consume} for it until then reports
     * {@link RateLimitDecision#subjectRevoked()}: the request every API call makes anyway carries the
     * news to every container. A few writes per revocation (classes × windows), none per request.
     */
    public void markRevoked(String subject, Duration horizon) {
        Instant now = clock.instant();
        long first = FixedWindow.containing(now, WINDOW).startEpochSecond();
        long last = FixedWindow.containing(now.plus(horizon), WINDOW).startEpochSecond();
        for (long start = first; start <= last; start += WINDOW.toSeconds()) {
            for (RateLimitClass limitClass : RateLimitClass.values()) {
                buckets.markRevoked(bucket(limitClass, subject, start), expiry(start + WINDOW.toSeconds()));
            }
        }
    }

    private Window window(RateLimitClass limitClass, String subject) {
        Instant now = clock.instant();
        FixedWindow window = FixedWindow.containing(now, WINDOW);
        return new Window(bucket(limitClass, subject, window.startEpochSecond()), now.getEpochSecond(),
                window.endEpochSecond());
    }

    private static String bucket(RateLimitClass limitClass, String subject, long windowStart) {
        return limitClass.bucketName() + "#" + subject + "#" + windowStart;
    }

    private static Instant expiry(long windowEnd) {
        return Instant.ofEpochSecond(windowEnd + BUCKET_GRACE_SECONDS);
    }

    private record Window(String bucket, long now, long reset) {
    }
}
