package com.circoflows.localrunner.webhooks;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting without fixed sleeps: probe until a condition holds, or fail with the last thing seen. */
final class Poll {
    static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {
    }

    /** Probes every 50 ms until {@code done} accepts the value; fails after {@code timeout}. */
    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last seen: " + last);
            }
            pause(INTERVAL);
            last = probe.get();
        }
        return last;
    }

    /**
     * Probes for the whole period and fails as soon as {@code stillFine} rejects a value: for "nothing
     * more arrives" checks, which can only be made by watching for a while.
     */
    static <T> T holds(String what, Duration period, Supplier<T> probe, Predicate<T> stillFine) {
        long end = System.nanoTime() + period.toNanos();
        T last = probe.get();
        while (true) {
            if (!stillFine.test(last)) {
                throw new AssertionError("no longer true: " + what + "; seen: " + last);
            }
            if (System.nanoTime() - end > 0) {
                return last;
            }
            pause(INTERVAL);
            last = probe.get();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
