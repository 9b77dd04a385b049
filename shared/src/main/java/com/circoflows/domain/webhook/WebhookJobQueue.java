package com.circoflows.domain.webhook;

/** Hands an event to the delivery pipeline. Throws when the job could not be queued. */
public interface WebhookJobQueue {
    void enqueue(WebhookEvent event);
}
