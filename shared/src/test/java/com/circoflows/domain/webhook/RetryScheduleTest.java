package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryScheduleTest {
    private static final Duration TWELVE_HOURS = Duration.ofSeconds(43_200);

    /** A RandomGenerator always returning the given edge of the requested range. */
    private static RandomGenerator edge(boolean upper) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble(double origin, double bound) {
                return upper ? Math.nextDown(bound) : origin;
            }
        };
    }

    @Test
    void productionScheduleHasElevenAttemptsOverAboutTwoPointSevenDays() {
        RetrySchedule production = RetrySchedule.production();

        assertEquals(11, production.attempts());
        assertEquals("0s,5s,5m,30m,2h,5h,10h,12h,12h,12h,12h", production.toString());
        Duration total = production.totalSpan();
        assertEquals(Duration.ofHours(65).plusMinutes(35).plusSeconds(5), total);
        double days = total.toSeconds() / 86_400.0;
        assertTrue(days > 2.6 && days < 2.8, "about 2.7 days, was " + days);
    }

    /**
     * Every step of the production schedule, which the end-to-end tests never wait through (they run
     * an 11-attempt schedule of 0 s or 1 s gaps): the delay before each attempt, then the dead-letter queue.
     */
    @Test
    void productionScheduleWaitsAsDocumentedBeforeEachOfItsElevenAttemptsThenEnds() {
        RetrySchedule production = RetrySchedule.production();
        List<Duration> expected = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(12), Duration.ofHours(12), Duration.ofHours(12), Duration.ofHours(12));

        for (int attempt = 1; attempt <= expected.size(); attempt++) {
            Duration planned = expected.get(attempt - 1);
            assertEquals(Optional.of(planned), production.delayBeforeAttempt(attempt, noJitter()), "attempt " + attempt);
            Duration earliest = production.delayBeforeAttempt(attempt, edge(false)).orElseThrow();
            Duration latest = production.delayBeforeAttempt(attempt, edge(true)).orElseThrow();
            assertTrue(earliest.toMillis() == Math.round(planned.toMillis() * 0.9), "attempt " + attempt + ": " + earliest);
            assertTrue(latest.compareTo(planned.multipliedBy(11).dividedBy(10)) <= 0
                    && latest.compareTo(RetrySchedule.LONGEST_DELAY) <= 0, "attempt " + attempt + ": " + latest);
        }
        assertEquals(Optional.empty(), production.delayBeforeAttempt(expected.size() + 1, noJitter()),
                "after the eleventh attempt the job goes to the dead-letter queue");
    }

    @Test
    void anImmediateScheduleRetriesAtOnceAsOftenAsProduction() {
        RetrySchedule immediate = RetrySchedule.parse(String.join(",", Collections.nCopies(11, "0s")));

        assertEquals(RetrySchedule.production().attempts(), immediate.attempts());
        assertEquals(Duration.ZERO, immediate.totalSpan());
        for (int attempt = 1; attempt <= 11; attempt++) {
            assertEquals(Optional.of(Duration.ZERO), immediate.delayBeforeAttempt(attempt, edge(true)));
        }
        assertEquals(Optional.empty(), immediate.delayBeforeAttempt(12, edge(true)));
    }

    private static RandomGenerator noJitter() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble(double origin, double bound) {
                return 0;
            }
        };
    }

    @Test
    void firstAttemptIsImmediateAndLaterOnesFollowTheSchedule() {
        RetrySchedule schedule = RetrySchedule.parse("0s,5s,5m,30m,2h");
        RandomGenerator noJitter = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble(double origin, double bound) {
                return 0;
            }
        };

        assertEquals(Optional.of(Duration.ZERO), schedule.delayBeforeAttempt(1, noJitter));
        assertEquals(Optional.of(Duration.ofSeconds(5)), schedule.delayBeforeAttempt(2, noJitter));
        assertEquals(Optional.of(Duration.ofMinutes(5)), schedule.delayBeforeAttempt(3, noJitter));
        assertEquals(Optional.of(Duration.ofHours(2)), schedule.delayBeforeAttempt(5, noJitter));
    }

    @Test
    void noDelayBeyondTheLastAttempt() {
        RetrySchedule schedule = RetrySchedule.parse("0s,5s");

        assertEquals(Optional.empty(), schedule.delayBeforeAttempt(3, new Random(1)));
        assertEquals(Optional.empty(), schedule.delayBeforeAttempt(Integer.MAX_VALUE, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> schedule.delayBeforeAttempt(0, new Random(1)));
    }

    @Test
    void jitterStaysWithinTenPercentOverManySeeds() {
        RetrySchedule schedule = RetrySchedule.parse("5s,5m,2h,10h");
        long[] base = {5_000, 300_000, 7_200_000, 36_000_000};
        Set<Duration> seen = new HashSet<>();
        for (long seed = 0; seed < 2_000; seed++) {
            Random random = new Random(seed);
            for (int attempt = 1; attempt <= base.length; attempt++) {
                long millis = schedule.delayBeforeAttempt(attempt, random).orElseThrow().toMillis();
                long low = Math.round(base[attempt - 1] * 0.9);
                long high = Math.round(base[attempt - 1] * 1.1);
                assertTrue(millis >= low && millis <= high,
                        "attempt " + attempt + " seed " + seed + ": " + millis + " not in [" + low + ", " + high + "]");
                if (attempt == 2) {
                    seen.add(Duration.ofMillis(millis));
                }
            }
        }
        assertTrue(seen.size() > 1_000, "jitter actually varies the delay");
    }

    @Test
    void jitterReachesBothEdgesButNoFurther() {
        RetrySchedule schedule = RetrySchedule.parse("100s");

        assertEquals(Duration.ofSeconds(90), schedule.delayBeforeAttempt(1, edge(false)).orElseThrow());
        assertEquals(Duration.ofSeconds(110), schedule.delayBeforeAttempt(1, edge(true)).orElseThrow());
    }

    @Test
    void zeroDelayStaysZeroWhateverTheJitter() {
        RetrySchedule schedule = RetrySchedule.parse("0s");

        for (long seed = 0; seed < 500; seed++) {
            assertEquals(Duration.ZERO, schedule.delayBeforeAttempt(1, new Random(seed)).orElseThrow());
        }
        assertEquals(Duration.ZERO, schedule.delayBeforeAttempt(1, edge(false)).orElseThrow());
    }

    @Test
    void jitterNeverPushesADelayAboveTwelveHours() {
        RetrySchedule schedule = RetrySchedule.parse("12h,11h");

        assertEquals(TWELVE_HOURS, schedule.delayBeforeAttempt(1, edge(true)).orElseThrow());
        assertEquals(TWELVE_HOURS, schedule.delayBeforeAttempt(2, edge(true)).orElseThrow());
        for (long seed = 0; seed < 2_000; seed++) {
            Random random = new Random(seed);
            for (int attempt = 1; attempt <= 2; attempt++) {
                Duration delay = schedule.delayBeforeAttempt(attempt, random).orElseThrow();
                assertTrue(delay.compareTo(TWELVE_HOURS) <= 0, delay.toString());
                assertTrue(delay.compareTo(Duration.ofHours(11).multipliedBy(9).dividedBy(10)) >= 0, delay.toString());
            }
        }
    }

    @Test
    void everyProductionDelayIsAtMostTwelveHoursWithJitter() {
        RetrySchedule production = RetrySchedule.production();
        for (long seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            for (int attempt = 1; attempt <= production.attempts(); attempt++) {
                Duration delay = production.delayBeforeAttempt(attempt, random).orElseThrow();
                assertFalse(delay.isNegative());
                assertTrue(delay.compareTo(TWELVE_HOURS) <= 0);
            }
        }
    }

    @Test
    void parsesTestSchedulesAndToleratesSpacesAroundEntries() {
        RetrySchedule schedule = RetrySchedule.parse(" 0s, 1s ,2s");

        assertEquals(3, schedule.attempts());
        assertEquals(Duration.ofSeconds(3), schedule.totalSpan());
        assertEquals("0s,1s,2s", schedule.toString());
    }

    @Test
    void toStringIsCanonicalAndParsesBackToTheSameSchedule() {
        RetrySchedule schedule = RetrySchedule.parse("0s,60s,90s,120m,3600s,720m");

        assertEquals("0s,1m,90s,2h,1h,12h", schedule.toString());
        assertEquals(schedule, RetrySchedule.parse(schedule.toString()));
        assertNotEquals(schedule, RetrySchedule.parse("0s"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        " ", "5", "s", "5x", "5d", "1.5h", "-5s", "+5s", "5 s", "5S", "0s,,5s", "0s,5s,", ",0s", "5s;10s",
        "1234567890s", "PT5S",
    })
    void malformedScheduleIsRefusedWithAClearMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse(text));

        assertTrue(e.getMessage().contains("retry schedule"), e.getMessage());
    }

    @Test
    void delayLongerThanTheSqsVisibilityLimitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetrySchedule.parse("0s,5m,24h"));

        assertTrue(e.getMessage().contains("\"24h\""), e.getMessage());
        assertTrue(e.getMessage().contains("12h"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("43201s"));
        assertEquals(TWELVE_HOURS, RetrySchedule.parse("43200s").totalSpan());
    }
}
