package com.circoflows.domain.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When each delivery attempt happens: the delay before attempt 1, attempt 2, and so on, written as
 * {@code 0s,5s,5m,30m,2h} (whole numbers of s, m or h). Configurable so tests run the whole schedule
 * in seconds.
 */
public final class RetrySchedule {
    /**
     * The next attempt is scheduled with the SQS message's visibility timeout, which cannot exceed
     * 12 hours. A longer wait (the day-long gap near the end) is therefore written as 12 h steps,
     * each of them an attempt.
     */
    public static final Duration LONGEST_DELAY = Duration.ofHours(12);
    /** About 2.7 days: exponential at first, then twice a day, before the dead-letter queue. */
    public static final String PRODUCTION = "0s,5s,5m,30m,2h,5h,10h,12h,12h,12h,12h";
    /** Spreads retries so endpoints that fail together are not hit again all at the same instant. */
    private static final double JITTER = 0.10;
    private static final Pattern ENTRY = Pattern.compile("([0-9]{1,9})([smh])");

    private final List<Duration> delays;

    private RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    public static RetrySchedule production() {
        return parse(PRODUCTION);
    }

    public static RetrySchedule parse(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("a retry schedule lists delays like 0s,5s,5m,2h; got nothing");
        }
        List<Duration> delays = new ArrayList<>();
        for (String entry : schedule.split(",", -1)) {
            delays.add(parseEntry(entry.trim(), schedule));
        }
        return new RetrySchedule(delays);
    }

    private static Duration parseEntry(String entry, String schedule) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches()) {
            throw new IllegalArgumentException("retry schedule \"" + schedule + "\": \"" + entry
                    + "\" is not a whole number followed by s, m or h (like 0s, 5m, 2h)");
        }
        long amount = Long.parseLong(m.group(1));
        Duration delay = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (delay.compareTo(LONGEST_DELAY) > 0) {
            throw new IllegalArgumentException("retry schedule \"" + schedule + "\": \"" + entry
                    + "\" is longer than 12h, the most an SQS visibility timeout allows; split it into 12h steps");
        }
        return delay;
    }

    public int attempts() {
        return delays.size();
    }

    /** From the first attempt's scheduling to the last attempt, without jitter. */
    public Duration totalSpan() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * @param attemptNumber 1 for the first attempt
     * @return the scheduled delay ±10%, never negative nor above 12 h; empty when the schedule has no
     *         such attempt (the event goes to the dead-letter queue)
     */
    public Optional<Duration> delayBeforeAttempt(int attemptNumber, RandomGenerator jitter) {
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1; got " + attemptNumber);
        }
        if (attemptNumber > delays.size()) {
            return Optional.empty();
        }
        long millis = delays.get(attemptNumber - 1).toMillis();
        long jittered = Math.round(millis * (1 + jitter.nextDouble(-JITTER, JITTER)));
        return Optional.of(Duration.ofMillis(Math.max(0, Math.min(jittered, LONGEST_DELAY.toMillis()))));
    }

    /** The canonical form, each delay in its largest exact unit: parse(toString()) equals this schedule. */
    @Override
    public String toString() {
        return delays.stream().map(RetrySchedule::format).collect(Collectors.joining(","));
    }

    private static String format(Duration delay) {
        long seconds = delay.toSeconds();
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetrySchedule that && delays.equals(that.delays);
    }

    @Override
    public int hashCode() {
        return delays.hashCode();
    }
}
