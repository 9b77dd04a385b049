package com.circoflows.domain.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedWindowTest {
    @Test
    void windowsAreAlignedToTheEpochSoEveryContainerAgrees() {
        FixedWindow window = FixedWindow.containing(Instant.parse("2026-11-23T12:34:56Z"), Duration.ofMinutes(10));

        assertEquals(Instant.parse("2026-11-23T12:30:00Z").getEpochSecond(), window.startEpochSecond());
        assertEquals(Instant.parse("2026-11-23T12:40:00Z").getEpochSecond(), window.endEpochSecond());
    }

    @Test
    void theLastSecondBelongsToTheWindowAndTheEndStartsTheNext() {
        Duration hour = Duration.ofHours(1);
        FixedWindow first = FixedWindow.containing(Instant.parse("2026-11-23T12:59:59Z"), hour);
        FixedWindow next = FixedWindow.containing(Instant.parse("2026-11-23T13:00:00Z"), hour);

        assertEquals(first.endEpochSecond(), next.startEpochSecond());
    }

    @Test
    void aWindowHasALength() {
        assertThrows(IllegalArgumentException.class, () -> new FixedWindow(0, 0));
    }
}
