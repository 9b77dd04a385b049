package com.circoflows.domain.webhook;

import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.util.Map;

/** Jobs the queue gave up on: their events become failed, and stay there for a manual redeliver. */
public final class DeadLetteredEvents {
    private static final JsonLog LOG = JsonLog.get(DeadLetteredEvents.class);

    private final WebhookEventRepository events;
    private final Clock clock;

    public DeadLetteredEvents(WebhookEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void markFailed(String eventId) {
        boolean changed = events.markFailed(eventId, clock.instant(), "retries_exhausted");
        LOG.warn("webhook_dead_lettered", Map.of("event_id", eventId, "marked_failed", changed));
    }
}
