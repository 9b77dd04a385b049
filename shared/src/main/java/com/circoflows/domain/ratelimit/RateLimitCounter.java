package com.circoflows.domain.ratelimit;

import java.time.Instant;

/** A shared counter, so limits hold across every container of every function. */
public interface RateLimitCounter {
    /** Adds one to {@code bucket} and returns the new count; the bucket may vanish after {@code expiresAt}. */
    long incrementAndGet(String bucket, Instant expiresAt);

    /** The bucket's count without adding to it; 0 when it does not exist. */
    long current(String bucket);

    /**
     * Takes back one that was counted in advance and turned out not to count. Never goes below zero and
     * never recreates a bucket that has gone.
     */
    void giveBack(String bucket);
}
