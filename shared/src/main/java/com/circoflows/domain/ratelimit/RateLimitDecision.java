package com.circoflows.domain.ratelimit;

/**
 * What the X-RateLimit-* headers report, and whether this request may proceed; {@code subjectRevoked}
 * when the counted subject's bucket carries a revocation mark (see {@link RateLimiter#markRevoked}).
 */
public record RateLimitDecision(int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds,
        boolean allowed, boolean subjectRevoked) {
}
