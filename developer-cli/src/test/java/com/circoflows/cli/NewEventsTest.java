package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** listen forwards each event created after it started exactly once, however the list orders near-simultaneous ones. */
class NewEventsTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private final NewEvents newEvents = new NewEvents(Duration.ofSeconds(10));

    private static ListedEvent event(String id, int secondsAfterT) {
        return new ListedEvent(id, "payment.succeeded", T.plusSeconds(secondsAfterT), "txn_" + id);
    }

    /** The list newest first, counting how far it was read. */
    private static final class Listing implements Iterator<ListedEvent> {
        private final List<ListedEvent> events;
        private int read;

        Listing(ListedEvent... newestFirst) {
            this.events = List.of(newestFirst);
        }

        @Override
        public boolean hasNext() {
            return read < events.size();
        }

        @Override
        public ListedEvent next() {
            return events.get(read++);
        }
    }

    private List<String> unseenIds(Listing listing) {
        List<String> ids = new ArrayList<>();
        for (ListedEvent event : newEvents.unseen(listing)) {
            ids.add(event.id());
            newEvents.markSeen(event);
        }
        return ids;
    }

    @Test
    void eventsListedAtTheStartAreNeverForwarded() {
        newEvents.startFrom(new Listing(event("b", 5), event("a", 0)));

        assertEquals(List.of(), unseenIds(new Listing(event("b", 5), event("a", 0))));
    }

    @Test
    void newEventsComeOldestFirstAndOnlyOnce() {
        newEvents.startFrom(new Listing(event("a", 0)));

        assertEquals(List.of("b", "c"), unseenIds(new Listing(event("c", 2), event("b", 1), event("a", 0))));
        assertEquals(List.of("d"), unseenIds(new Listing(event("d", 3), event("c", 2), event("b", 1), event("a", 0))));
    }

    @Test
    void anEventListedLateBehindOneAlreadySeenIsStillForwarded() {
        newEvents.startFrom(new Listing(event("a", 0)));
        unseenIds(new Listing(event("c", 4), event("a", 0)));

        // "b" was created before "c" but showed up in the list only now.
        assertEquals(List.of("b"), unseenIds(new Listing(event("c", 4), event("b", 3), event("a", 0))));
    }

    @Test
    void theListIsReadNoFurtherBackThanTheMarginBeforeTheNewestSeenEvent() {
        newEvents.startFrom(new Listing(event("old", 0)));
        unseenIds(new Listing(event("new", 60), event("old", 0)));

        Listing listing = new Listing(event("newer", 61), event("new", 60), event("old", 0), event("older", -5));
        assertEquals(List.of("newer"), unseenIds(listing));
        assertEquals(3, listing.read, "stops at the first event older than the margin");
    }

    @Test
    void withNoEventsAtTheStartEveryLaterEventIsNew() {
        newEvents.startFrom(new Listing());

        assertEquals(List.of("a", "b"), unseenIds(new Listing(event("b", 1), event("a", 0))));
    }

    @Test
    void anEventNotMarkedSeenComesAgainAtTheNextPoll() {
        newEvents.startFrom(new Listing(event("a", 0)));

        List<ListedEvent> first = newEvents.unseen(new Listing(event("b", 1), event("a", 0)));
        List<ListedEvent> again = newEvents.unseen(new Listing(event("b", 1), event("a", 0)));

        assertEquals(first, again, "reading it failed, so it is tried again");
        assertTrue(again.stream().anyMatch(event -> event.id().equals("b")));
    }
}
