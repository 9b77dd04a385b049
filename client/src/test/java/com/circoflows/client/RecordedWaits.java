package com.circoflows.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The client's waits between retries, as it asked for them, taken for real up to a cap: the ITs keep the
 * backoff's jittered seconds out of the build's time but still wait a moment, so a retry never overtakes
 * the request it repeats.
 */
final class RecordedWaits implements Sleeper {
    private final Duration cap;
    private final List<Duration> asked = new CopyOnWriteArrayList<>();

    private RecordedWaits(Duration cap) {
        this.cap = cap;
    }

    /** Each wait taken for at most {@code cap}. */
    static RecordedWaits takenUpTo(Duration cap) {
        return new RecordedWaits(cap);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        asked.add(duration);
        Thread.sleep(Math.min(duration.toMillis(), cap.toMillis()));
    }

    /** Every wait the client asked for, in order. */
    List<Duration> asked() {
        return List.copyOf(asked);
    }
}
