package com.circoflows.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the dashboard shows them: UTC, to the minute, in a {@code <time>} element carrying the exact
 * instant, so the page reads the same for every member of a team wherever they are.
 */
public final class DashboardTimes {
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    String show(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return "<time datetime=\"" + instant + "\">" + SHOWN.format(instant) + "</time>";
    }
}
