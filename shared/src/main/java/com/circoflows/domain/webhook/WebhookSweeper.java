package com.circoflows.domain.webhook;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outbox's guarantee, independent of the queue's durability: every event not yet delivered or
 * failed has a job, and the sweeper gives it one when it has none.
 *
 * <p>Queues again every event that was stored but whose job never reached a delivery: the SQS send
 * failed, or the function died between the DynamoDB write and the send. A job queued twice is
 * harmless: delivery takes a lease and skips events already delivered. Once the sweeper's own send
 * has worked the event leaves the sweep list, so a long queue backlog is not re-sent every run.
 *
 * <p>Resumes every retrying event whose job is overdue by the grace: the queue lost it (purged, or
 * the local runner's in-memory queue went down with the runner). The resumed job starts a new retry
 * chain where the old one stood in the schedule; the event records the new chain before the job is
 * sent, so the old job, if it was only late, gets no lease and does nothing: never two chains at once.
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

    /**
     * Returns how many events were queued again, overdue retries and never attempted ones together.
     * The two are independent: if finding overdue retries fails, never-attempted events are still
     * queued, and then the failure is thrown so the run shows as failed.
     */
    public int sweep() {
        int resumed = 0;
        RuntimeException failure = null;
        try {
            resumed = resumeOverdueRetries();
        } catch (RuntimeException e) {
            failure = e;
        }
        int requeued;
        try {
            requeued = requeueNeverAttempted();
        } catch (RuntimeException e) {
            if (failure != null) {
                e.addSuppressed(failure);
            }
            throw e;
        }
        if (failure != null) {
            throw failure;
        }
        return resumed + requeued;
    }

    private int requeueNeverAttempted() {
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

    /**
     * The new chain is recorded first and the job sent second: if the send fails, the event is due
     * again from now and the next sweep after the grace resumes it once more.
     */
    private int resumeOverdueRetries() {
        Instant now = clock.instant();
        List<OverdueRetry> overdue = events.findOverdueRetries(now.minus(grace), BATCH);
        int resumed = 0;
        for (OverdueRetry retry : overdue) {
            String eventId = retry.event().eventId();
            String chainId = RandomIds.withPrefix("chn_", 16);
            if (!events.resumeChain(eventId, retry.dueAt(), chainId, now)) {
                continue; // its job came back after all, or a delivery is running: the chain is alive
            }
            try {
                queue.resumeRetries(retry.event(), chainId, retry.schedulePosition());
            } catch (RuntimeException e) {
                LOG.warn("sweeper_resume_failed", Map.of("event_id", eventId, "reason", e.getClass().getSimpleName()));
                continue;
            }
            resumed++;
            LOG.warn("sweeper_resumed_retries", Map.of("event_id", eventId, "merchant_id", retry.event().merchantId(),
                    "due_at", retry.dueAt().toString(), "schedule_position", retry.schedulePosition()));
        }
        return resumed;
    }
}
