package com.circoflows.domain.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A counting window of fixed length aligned to the Unix epoch, so every container of every function
 * puts the same instant in the same window without talking to the others.
 */
public record FixedWindow(long startEpochSecond, long lengthSeconds) {

    public FixedWindow {
        if (lengthSeconds <= 0) {
            throw new IllegalArgumentException("window length must be positive");
        }
    }

    public static FixedWindow containing(Instant instant, Duration length) {
        long seconds = length.toSeconds();
        long now = instant.getEpochSecond();
        return new FixedWindow(now - Math.floorMod(now, seconds), seconds);
    }

    public long endEpochSecond() {
        return startEpochSecond + lengthSeconds;
    }
}
