package com.circoflows.client;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits, with a deadline, for what the API does after answering (queues: webhooks, bank credits). The
 * pause between reads grows, so a slow machine's wait does not spend the key's rate limit.
 */
final class Eventually {
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 1000;

    private Eventually() {
    }

    /** Reads {@code read} until {@code done} holds and returns that value; fails after {@code timeout} with the last one. */
    static <T> T until(String what, Duration timeout, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what
                        + "; last seen: " + value);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            pause = Math.min(pause * 3 / 2, LONGEST_PAUSE_MILLIS);
            value = read.get();
        }
        return value;
    }
}
