package com.circoflows.testing;

import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookJobQueue;
import java.util.ArrayList;
import java.util.List;

/** Remembers every queued delivery job; can be switched to fail like an unreachable SQS. */
public final class RecordingWebhookJobQueue implements WebhookJobQueue {
    private final List<WebhookEvent> enqueued = new ArrayList<>();
    private final List<WebhookEvent> oneAttemptJobs = new ArrayList<>();
    private final List<ResumedJob> resumed = new ArrayList<>();
    private RuntimeException failure;
    private int attempts;

    @Override
    public synchronized void enqueue(WebhookEvent event) {
        attempts++;
        if (failure != null) {
            throw failure;
        }
        enqueued.add(event);
    }

    @Override
    public synchronized void enqueueOneAttempt(WebhookEvent event) {
        attempts++;
        if (failure != null) {
            throw failure;
        }
        oneAttemptJobs.add(event);
    }

    @Override
    public synchronized void resumeRetries(WebhookEvent event, String chainId, int schedulePosition) {
        attempts++;
        if (failure != null) {
            throw failure;
        }
        resumed.add(new ResumedJob(event, chainId, schedulePosition));
    }

    /** A job the sweeper queued to carry on a retry chain whose job was lost. */
    public record ResumedJob(WebhookEvent event, String chainId, int schedulePosition) {
    }

    /** Jobs queued with {@link #resumeRetries}; {@link #enqueued()} holds only the first jobs. */
    public synchronized List<ResumedJob> resumed() {
        return List.copyOf(resumed);
    }

    /** Jobs queued with {@link #enqueueOneAttempt}; {@link #enqueued()} holds only the scheduled ones. */
    public synchronized List<WebhookEvent> oneAttemptJobs() {
        return List.copyOf(oneAttemptJobs);
    }

    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized List<WebhookEvent> enqueued() {
        return List.copyOf(enqueued);
    }

    public synchronized int attempts() {
        return attempts;
    }
}
