package com.circoflows.domain.webhook;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * POST /api/webhook-endpoint/test: a webhook.test event for the merchant's endpoint, stored and queued
 * like every event (the same delivery, signature, retries and attempt history), so the merchant sees
 * it arrive, or why not, in GET /api/webhook-events. See ADR 0017. Like the endpoint itself, it is a
 * test key's: a live key gets 403 live_mode_not_enabled. No URL set, or an endpoint disabled by a 410,
 * is a 409: the event could go nowhere.
 */
public final class WebhookTestSender {
    private static final JsonLog LOG = JsonLog.get(WebhookTestSender.class);

    private final WebhookEndpointRepository endpoints;
    private final WebhookEventRepository events;
    private final WebhookJobQueue queue;
    private final Clock clock;

    public WebhookTestSender(WebhookEndpointRepository endpoints, WebhookEventRepository events, WebhookJobQueue queue,
            Clock clock) {
        this.endpoints = endpoints;
        this.events = events;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * @param eventId the new event's id: under an Idempotency-Key the one the key reserved, so a retry
     *                after a crash meets the event the first try stored instead of sending a second
     * @return the event as stored, and whether its delivery job was queued now (if not, the sweeper
     *         queues it, as for any event whose job could not be sent)
     */
    public Sent send(AuthenticatedKey caller, String eventId) {
        if (caller.mode() != Mode.TEST) {
            throw new ApiException(ErrorCode.LIVE_MODE_NOT_ENABLED, "Live mode is not enabled for this account yet; "
                    + "its webhook endpoint receives test-mode events and is tested with a test key.");
        }
        Optional<WebhookEndpoint> endpoint = endpoints.find(caller.merchantId());
        if (endpoint.isEmpty() || endpoint.get().url() == null) {
            throw new ApiException(ErrorCode.WEBHOOK_ENDPOINT_NOT_SET);
        }
        if (endpoint.get().disabled()) {
            throw new ApiException(ErrorCode.WEBHOOK_ENDPOINT_DISABLED);
        }
        WebhookEvent event = WebhookEvents.test(eventId, caller.merchantId(), caller.mode(), clock.instant());
        if (!events.insert(event)) {
            // A retry of a request that stored it: its job was queued then, or the sweeper queues it.
            return new Sent(events.findWithDelivery(eventId).orElseThrow(), false);
        }
        return new Sent(events.findWithDelivery(eventId).orElseThrow(), enqueue(event));
    }

    private boolean enqueue(WebhookEvent event) {
        try {
            queue.enqueue(event);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("webhook_enqueue_failed", Map.of("event_id", event.eventId(), "merchant_id", event.merchantId(),
                    "reason", e.getClass().getSimpleName()));
            return false;
        }
    }

    public record Sent(StoredWebhookEvent event, boolean queued) {
    }
}
