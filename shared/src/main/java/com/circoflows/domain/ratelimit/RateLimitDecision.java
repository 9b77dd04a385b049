package com.circoflows.domain.ratelimit;

/** What the X-RateLimit-* headers report, and whether this request may proceed. */
public record RateLimitDecision(int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds, boolean allowed) {
}
