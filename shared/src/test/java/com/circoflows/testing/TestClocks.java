package com.circoflows.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The fixed "now" of the test suite, and cards that are valid relative to it. */
public final class TestClocks {
    /** A Monday noon, UTC. */
    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    public static final String NOW_TEXT = "2026-11-23T12:00:00Z";

    private TestClocks() {
    }

    public static Clock fixed() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    public static Clock fixedAt(String isoInstant) {
        return Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC);
    }
}
