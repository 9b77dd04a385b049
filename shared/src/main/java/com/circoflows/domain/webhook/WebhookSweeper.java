package com.circoflows.domain.webhook;

import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Queues again every event that was stored but whose job never reached a delivery: the SQS send
 * failed, or the function died between the DynamoDB write and the send. A job queued twice is
 * harmless: delivery takes a lease and skips events already delivered. Once the sweeper's own send
 * has worked the event leaves the sweep list, so a long queue backlog is not re-sent every run.
 */
public final class WebhookSweeper {
    private static final JsonLog LOG = JsonLog.get(WebhookSweeper.class);
    /** Longer than a healthy job waits in the queue, so the sweeper rarely duplicates a live one. */
    public static final Duration GRACE = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final WebhookEventRepository events;
    private final WebhookJobQueue queue;
    private final Clock clock;
    private final Duration grace;

    public WebhookSweeper(WebhookEventRepository events, WebhookJobQueue queue, Clock clock, Duration grace) {
        this.events = events;
        this.queue = queue;
        this.clock = clock;
        this.grace = grace;
    }

    /** Returns how many events were queued again. */
    public int sweep() {
        List<WebhookEvent> stranded = events.findNeverAttempted(clock.instant().minus(grace), BATCH);
        int queued = 0;
        for (WebhookEvent event : stranded) {
            try {
                queue.enqueue(event);
            } catch (RuntimeException e) {
                LOG.warn("sweeper_enqueue_failed", Map.of("event_id", event.eventId(),
                        "reason", e.getClass().getSimpleName()));
                continue;
            }
            queued++;
            try {
                events.markRequeued(event.eventId());
            } catch (RuntimeException e) {
                // Only costs a duplicate job on the next run, which delivery's lease makes harmless.
                LOG.warn("sweeper_mark_requeued_failed", Map.of("event_id", event.eventId(),
                        "reason", e.getClass().getSimpleName()));
            }
        }
        if (!stranded.isEmpty()) {
            LOG.info("sweeper_requeued", Map.of("found", stranded.size(), "queued", queued));
        }
        return queued;
    }
}
