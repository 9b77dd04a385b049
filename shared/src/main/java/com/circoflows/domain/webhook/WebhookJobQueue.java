package com.circoflows.domain.webhook;

/** Hands an event to the delivery pipeline. Throws when the job could not be queued. */
public interface WebhookJobQueue {
    /** A job that follows the retry schedule, then the dead-letter queue. */
    void enqueue(WebhookEvent event);

    /**
     * A job for one attempt now and no retries of its own: for an event whose retry job is already
     * scheduled, so a merchant's redelivery doesn't start a second chain of retries beside it.
     */
    void enqueueOneAttempt(WebhookEvent event);

    /**
     * A job that carries on an event's retry schedule after its own job was lost: it belongs to the
     * retry chain {@code chainId} and goes on from attempt {@code schedulePosition + 1}, now.
     */
    void resumeRetries(WebhookEvent event, String chainId, int schedulePosition);
}
