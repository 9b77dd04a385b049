package com.circoflows.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tells the events created since listen started from those it has seen, reading the event list newest
 * first and no further back than needed. The list is ordered by creation time, but events created
 * moments apart may show in either order (the same time, or an index that is updated a moment later), so
 * it reads back a margin before the newest event seen and skips the ids it remembers; it remembers only
 * the ids inside that margin.
 */
final class NewEvents {
    private final Duration margin;
    private final Map<String, Instant> seen = new HashMap<>();
    private Instant newestSeen;

    /** @param margin how far before the newest seen event a new one may still show up in the list */
    NewEvents(Duration margin) {
        this.margin = margin;
    }

    /** What is listed when listen starts is the past: remembered, never delivered. */
    void startFrom(Iterator<ListedEvent> newestFirst) {
        while (newestFirst.hasNext()) {
            ListedEvent event = newestFirst.next();
            if (newestSeen != null && event.createdAt().isBefore(newestSeen.minus(margin))) {
                break;
            }
            markSeen(event);
        }
    }

    /**
     * Reads the list as far back as unseen events may be.
     *
     * @return the events not seen before, oldest first; each must be {@link #markSeen marked} once handled
     */
    List<ListedEvent> unseen(Iterator<ListedEvent> newestFirst) {
        Instant readBackTo = newestSeen == null ? null : newestSeen.minus(margin);
        List<ListedEvent> unseen = new ArrayList<>();
        while (newestFirst.hasNext()) {
            ListedEvent event = newestFirst.next();
            if (readBackTo != null && event.createdAt().isBefore(readBackTo)) {
                break;
            }
            if (!seen.containsKey(event.id())) {
                unseen.add(event);
            }
        }
        Collections.reverse(unseen);
        return unseen;
    }

    void markSeen(ListedEvent event) {
        seen.put(event.id(), event.createdAt());
        if (newestSeen == null || event.createdAt().isAfter(newestSeen)) {
            newestSeen = event.createdAt();
            // An id older than the margin can no longer show up unseen: the list is never read that far back.
            Instant forgetBefore = newestSeen.minus(margin);
            seen.values().removeIf(createdAt -> createdAt.isBefore(forgetBefore));
        }
    }
}
