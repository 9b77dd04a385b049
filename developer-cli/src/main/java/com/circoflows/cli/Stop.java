package com.circoflows.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ends a command that runs until told (listen, logs --follow): Ctrl+C ({@link CtrlC}) or a test. */
final class Stop {
    private final CountDownLatch requested = new CountDownLatch(1);

    void request() {
        requested.countDown();
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Waits {@code pause}, or less when a stop comes first. @return whether a stop was requested */
    boolean pause(Duration pause) {
        try {
            return requested.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
