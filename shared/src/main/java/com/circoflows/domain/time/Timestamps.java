package com.circoflows.domain.time;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The API shows times as ISO 8601 UTC to the second, e.g. 2025-07-23T07:11:23Z. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
