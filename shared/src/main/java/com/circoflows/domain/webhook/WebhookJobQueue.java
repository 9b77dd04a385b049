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
}
