package com.circoflows.domain.ratelimit;

import java.time.Instant;

/**
 * The rate limiter's counter: besides its count, a bucket can carry a mark saying that its subject
 * (an API key) was revoked, which every increment reports at no extra request.
 */
public interface RateLimitBuckets extends RateLimitCounter {
    /** Adds one to {@code bucket}; the bucket may vanish after {@code expiresAt}. */
    Increment increment(String bucket, Instant expiresAt);

    /** Marks {@code bucket} revoked, creating it uncounted if need be; it may vanish after {@code expiresAt}. */
    void markRevoked(String bucket, Instant expiresAt);

    /** The bucket's new count, and whether it carries the revocation mark. */
    record Increment(long count, boolean revoked) {
    }
}
