package com.circoflows.cli;

import com.circoflows.client.AuthenticationException;
import com.circoflows.client.CircoFlowsException;
import com.circoflows.client.EventService;
import com.circoflows.client.WebhookEventDetail;
import com.circoflows.client.model.EventListParams;
import com.circoflows.client.model.WebhookEventSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * listen's loop: poll the event list, and for each event created since the start (of a type asked for),
 * read it, sign it and POST it to the developer's receiver. A receiver that is down or slow, and an API
 * that fails for a while, are printed and outlived; only a key the API refuses ends it.
 */
final class Listener {
    /** Events the list may show out of creation order by up to this much (see {@link NewEvents}). */
    static final Duration LIST_MARGIN = Duration.ofSeconds(10);
    /** Tries at reading one event before listen gives up on it. */
    private static final int READ_TRIES = 3;
    private static final int PAGE_SIZE = 100;

    private final EventService events;
    private final EventTypeFilter filter;
    private final DeliverySigner signer;
    private final LocalForwarder forwarder;
    private final ListenOutput output;
    private final Clock clock;
    private final NewEvents newEvents = new NewEvents(LIST_MARGIN);
    private final Map<String, Integer> failedReads = new HashMap<>();

    Listener(EventService events, EventTypeFilter filter, DeliverySigner signer, LocalForwarder forwarder,
            ListenOutput output, Clock clock) {
        this.events = events;
        this.filter = filter;
        this.signer = signer;
        this.forwarder = forwarder;
        this.output = output;
        this.clock = clock;
    }

    /** Remembers what the API lists now, trying again each {@code interval} while it fails. @return false if stopped first */
    boolean start(Duration interval, Stop stop) {
        while (!stop.requested()) {
            try {
                newEvents.startFrom(newestFirst());
                output.apiAnswering();
                return true;
            } catch (AuthenticationException e) {
                throw e;
            } catch (CircoFlowsException e) {
                output.apiProblem(describe(e));
            }
            stop.pause(interval);
        }
        return false;
    }

    /** @param maxEvents stop after forwarding this many; 0 for no limit. @return how many were forwarded */
    int run(Duration interval, int maxEvents, Stop stop) throws InterruptedException {
        int forwarded = 0;
        while (!stop.requested()) {
            List<ListedEvent> unseen;
            try {
                unseen = newEvents.unseen(newestFirst());
                output.apiAnswering();
            } catch (AuthenticationException e) {
                throw e;
            } catch (CircoFlowsException e) {
                output.apiProblem(describe(e));
                stop.pause(interval);
                continue;
            }
            for (ListedEvent event : unseen) {
                if (!filter.matches(event.type())) {
                    newEvents.markSeen(event);
                    continue;
                }
                if (forward(event)) {
                    newEvents.markSeen(event);
                    forwarded++;
                    if (forwarded == maxEvents) {
                        return forwarded;
                    }
                }
            }
            stop.pause(interval);
        }
        return forwarded;
    }

    /**
     * @return whether it was forwarded (whatever the receiver answered); false when it could not be read,
     *         to be tried again at the next poll, or, after {@value #READ_TRIES} tries, given up on
     */
    private boolean forward(ListedEvent event) throws InterruptedException {
        WebhookEventDetail detail;
        try {
            detail = events.retrieve(event.id());
        } catch (AuthenticationException e) {
            throw e;
        } catch (CircoFlowsException e) {
            int tries = failedReads.merge(event.id(), 1, Integer::sum);
            if (tries < READ_TRIES) {
                return false;
            }
            failedReads.remove(event.id());
            output.notRead(event, "reading it from the API failed " + READ_TRIES + " times (" + describe(e) + ")");
            newEvents.markSeen(event);
            return false;
        }
        failedReads.remove(event.id());
        String body = DeliveryBody.of(detail);
        LocalForwarder.Outcome outcome = forwarder.forward(body,
                signer.headers(detail.getEventId(), clock.instant().getEpochSecond(), body));
        output.forwarded(event, outcome);
        return true;
    }

    /** Pages are fetched only as the reading goes back, so a poll usually costs one request. */
    private Iterator<ListedEvent> newestFirst() {
        Iterator<WebhookEventSummary> listed = events.listAll(EventListParams.builder().limit(PAGE_SIZE).build())
                .iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return listed.hasNext();
            }

            @Override
            public ListedEvent next() {
                return ListedEvent.of(listed.next());
            }
        };
    }

    static String describe(CircoFlowsException e) {
        String status = e.getHttpStatus() == 0 ? "" : e.getHttpStatus() + " ";
        String code = e.getCode() == null ? "" : e.getCode() + ": ";
        return status + code + e.getMessage();
    }
}
