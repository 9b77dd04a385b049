package com.circoflows.localstack;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Schedule (or ScheduleV2) event of a function.
 *
 * @param expression the schedule as written, e.g. {@code rate(1 minute)} or {@code cron(0 3 * * ? *)}
 * @param rate       the interval of a {@code rate(...)} expression; null for {@code cron(...)}, which a
 *                   local runner may choose not to emulate
 * @param enabled    false when the template disables the schedule
 */
public record ScheduleEventSource(String eventName, String expression, Duration rate, boolean enabled) {

    private static final Pattern RATE = Pattern.compile(
            "rate\\(\\s*(\\d+)\\s+(second|minute|hour|day)s?\\s*\\)", Pattern.CASE_INSENSITIVE);

    public ScheduleEventSource {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(expression, "expression");
    }

    public static ScheduleEventSource of(String eventName, String expression, boolean enabled) {
        return new ScheduleEventSource(eventName, expression, parseRate(expression), enabled);
    }

    /** Returns null for cron expressions; a malformed rate is an error, not a silently dead schedule. */
    static Duration parseRate(String expression) {
        String trimmed = expression.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("cron(")) {
            return null;
        }
        Matcher matcher = RATE.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Unsupported schedule expression: " + expression);
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount < 1) {
            throw new IllegalArgumentException("Schedule rate must be positive: " + expression);
        }
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "second" -> Duration.ofSeconds(amount);
            case "minute" -> Duration.ofMinutes(amount);
            case "hour" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
