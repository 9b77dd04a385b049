package com.circoflows.cli;

import com.circoflows.client.EventService;
import com.circoflows.client.model.EventListParams;
import com.circoflows.client.model.WebhookEventSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The events a payment caused, read from the event list filtered by the payment. The API stores an event
 * with the change it announces, but a deployed list index may show it a moment later, so it looks again
 * for a while.
 */
final class CausedEvents {
    private static final Duration PAUSE = Duration.ofMillis(250);

    private CausedEvents() {
    }

    /** @return the payment's events, oldest first, once one of {@code type} is among them; else what there is */
    static List<WebhookEventSummary> awaitType(EventService events, String transactionId, String type, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<WebhookEventSummary> found = new ArrayList<>();
            events.listAll(EventListParams.builder().transactionId(transactionId).limit(100).build())
                    .forEach(found::add);
            Collections.reverse(found);
            if (found.stream().anyMatch(event -> type.equals(event.getType())) || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(PAUSE.toMillis());
        }
    }
}
