package com.circoflows.domain.risk;

import com.circoflows.domain.ratelimit.FixedWindow;
import com.circoflows.domain.ratelimit.RateLimitCounter;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts per subject in fixed windows, on the shared atomic counters the rate limiter also uses (in
 * their own table). The window's length is part of the bucket, so a setting changed mid-window
 * starts a fresh count instead of mixing two lengths.
 */
final class WindowedCounts {
    /** Buckets outlive their window a little so a late count never recreates an expired one. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final RateLimitCounter counter;

    WindowedCounts(RateLimitCounter counter) {
        this.counter = counter;
    }

    /** Counts one for {@code subject} in the window holding {@code at}; the count including it. */
    long add(String subject, Instant at, Duration length) {
        FixedWindow window = FixedWindow.containing(at, length);
        return counter.incrementAndGet(bucket(subject, window),
                Instant.ofEpochSecond(window.endEpochSecond()).plus(GRACE));
    }

    long current(String subject, Instant at, Duration length) {
        return counter.current(bucket(subject, FixedWindow.containing(at, length)));
    }

    private static String bucket(String subject, FixedWindow window) {
        return subject + "#" + window.lengthSeconds() + "s#" + window.startEpochSecond();
    }
}
