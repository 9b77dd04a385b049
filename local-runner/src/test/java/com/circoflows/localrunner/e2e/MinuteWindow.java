package com.circoflows.localrunner.e2e;

import java.time.Duration;

/** The API's rate limits count per fixed clock minute (epoch seconds floored to 60). */
public final class MinuteWindow {
    private MinuteWindow() {
    }

    /** Waits for the next minute when less than {@code needed} is left of this one. */
    public static void ensureRoomFor(Duration needed) {
        long intoMinute = System.currentTimeMillis() % 60_000;
        long left = 60_000 - intoMinute;
        if (left < needed.toMillis()) {
            System.out.println("e2e: " + left + " ms left in this rate-limit minute; waiting for the next one");
            sleep(left + 250);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
