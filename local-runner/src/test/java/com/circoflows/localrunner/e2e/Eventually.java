package com.circoflows.localrunner.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting on what the API shows, never on the clock: probe until a condition holds, or fail by a deadline. */
public final class Eventually {
    private static final long PAUSE_MILLIS = 250;

    private Eventually() {
    }

    /** Probes every 250 ms (a merchant's API budget is 100 calls a minute) until {@code done} accepts the value; fails after {@code timeout} with the last value. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last seen: " + last);
            }
            PollPause.pause(PAUSE_MILLIS);
            last = probe.get();
        }
        return last;
    }
}
