package com.circoflows.domain.webhook;

import com.circoflows.domain.merchant.AuthenticatedKey;

/**
 * Sends an event again on the merchant's request: a delivered or failed event is reopened (its
 * history stays) and gets a job with the full retry schedule. An event still pending or retrying
 * already has a job in the queue, so it gets a one-attempt job: an attempt now, and no second chain
 * of retries beside the first. The queue failing is a 503, so the merchant knows to retry.
 */
public final class WebhookRedelivery {
    private final WebhookEventQueries queries;
    private final WebhookEventRepository events;
    private final WebhookJobQueue queue;

    public WebhookRedelivery(WebhookEventRepository events, WebhookJobQueue queue) {
        this.queries = new WebhookEventQueries(events);
        this.events = events;
        this.queue = queue;
    }

    public StoredWebhookEvent redeliver(AuthenticatedKey caller, String eventId) {
        StoredWebhookEvent stored = queries.get(caller, eventId);
        if (stored.delivery().isFinal()) {
            events.reopenForRedelivery(eventId);
            queue.enqueue(stored.event());
        } else {
            queue.enqueueOneAttempt(stored.event());
        }
        return events.findWithDelivery(eventId).orElseThrow();
    }
}
