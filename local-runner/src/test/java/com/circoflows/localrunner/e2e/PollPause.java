package com.circoflows.localrunner.e2e;

/** The pause between two probes of a poll with a deadline; never a wait for something to have happened. */
public final class PollPause {
    private PollPause() {
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
