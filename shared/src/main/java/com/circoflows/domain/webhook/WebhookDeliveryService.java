package com.circoflows.domain.webhook;

import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import com.circoflows.observability.JsonLog;
import com.circoflows.observability.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Delivers one event: takes a lease so a duplicate job can't deliver it at the same time, signs,
 * POSTs, records the attempt and decides what the job does next. 2xx is success; 410 Gone disables
 * the endpoint; anything else is retried on the schedule, then dead-lettered.
 */
public final class WebhookDeliveryService {
    private static final JsonLog LOG = JsonLog.get(WebhookDeliveryService.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** After the last attempt the job only needs to come back once more, to be moved to the DLQ. */
    private static final Duration TO_DEAD_LETTER = Duration.ofSeconds(1);

    private final WebhookEventRepository events;
    private final WebhookEndpointRepository endpoints;
    private final WebhookTransport transport;
    private final WebhookSigner signer;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final RandomGenerator jitter;
    private final Metrics metrics;

    public WebhookDeliveryService(WebhookEventRepository events, WebhookEndpointRepository endpoints,
            WebhookTransport transport, WebhookSigner signer, RetrySchedule schedule, Clock clock,
            RandomGenerator jitter) {
        this(events, endpoints, transport, signer, schedule, clock, jitter, Metrics.NONE);
    }

    public WebhookDeliveryService(WebhookEventRepository events, WebhookEndpointRepository endpoints,
            WebhookTransport transport, WebhookSigner signer, RetrySchedule schedule, Clock clock,
            RandomGenerator jitter, Metrics metrics) {
        this.metrics = metrics;
        this.events = events;
        this.endpoints = endpoints;
        this.transport = transport;
        this.signer = signer;
        this.schedule = schedule;
        this.clock = clock;
        this.jitter = jitter;
    }

    /**
     * One attempt for a one-attempt job (a merchant's redelivery of an event that is still being
     * retried): the outcome is recorded like any attempt, but a failure schedules nothing; the
     * event's own retry job goes on. Always DONE.
     */
    public DeliveryDecision deliverOnce(String eventId) {
        attempt(eventId, null, 0);
        return DeliveryDecision.DONE;
    }

    /**
     * A job of the retry chain every event starts with.
     *
     * @param receiveCount how many times the queue has handed this job out, this time included
     */
    public DeliveryDecision deliver(String eventId, int receiveCount) {
        return deliverInChain(eventId, null, receiveCount);
    }

    /**
     * A job of one retry chain: {@code chainId} null for the chain every event starts with, else the
     * chain the sweeper resumed it with. A job of a chain that is no longer the event's does nothing.
     *
     * @param schedulePosition which of the schedule's attempts this is: the job's receive count plus the
     *                         attempts its chain had made before the sweeper resumed it
     */
    public DeliveryDecision deliverInChain(String eventId, String chainId, int schedulePosition) {
        return attempt(eventId, new Chain(chainId), schedulePosition);
    }

    /** The retry chain a job belongs to; a one-attempt job belongs to none. */
    private record Chain(String id) {
    }

    private DeliveryDecision attempt(String eventId, Chain chain, int schedulePosition) {
        Optional<StoredWebhookEvent> found = events.findWithDelivery(eventId);
        if (found.isEmpty() || found.get().delivery().isFinal()) {
            return DeliveryDecision.DONE;
        }
        Instant now = clock.instant();
        boolean gotLease = chain == null
                ? events.acquireLease(eventId, now, now.plus(LEASE))
                : events.acquireLeaseForChain(eventId, chain.id(), now, now.plus(LEASE));
        if (!gotLease) {
            // Another job for this event is being delivered right now, and that one owns the outcome;
            // or this job's chain was replaced by the sweeper's, which carries the schedule on.
            return DeliveryDecision.DONE;
        }
        // Read again under the lease: a duplicate job may have recorded an attempt since the first read.
        Optional<StoredWebhookEvent> leased = events.findWithDelivery(eventId);
        if (leased.isEmpty() || leased.get().delivery().isFinal()) {
            return DeliveryDecision.DONE;
        }
        StoredWebhookEvent stored = leased.get();
        WebhookEvent event = stored.event();
        if (chain != null && chain.id() != null && schedulePosition > schedule.attempts()) {
            // A resumed chain's job is not counted by the queue's redrive policy from the first
            // attempt, so it ends itself where the original job would have gone to the dead-letter queue.
            boolean changed = events.markFailed(eventId, now, "retries_exhausted");
            LOG.warn("webhook_retries_exhausted", Map.of("event_id", eventId, "merchant_id", event.merchantId(),
                    "marked_failed", changed));
            return DeliveryDecision.DONE;
        }
        int attemptNumber = stored.delivery().attempts().size() + 1;
        Optional<WebhookEndpoint> endpoint = endpoints.find(event.merchantId());
        String target = event.targetUrl() != null ? event.targetUrl() : endpoint.map(WebhookEndpoint::url).orElse(null);

        if (target == null) {
            return giveUp(stored, attemptNumber, null, "no_endpoint: set one with PUT /api/webhook-endpoint");
        }
        boolean toMerchantEndpoint = endpoint.isPresent() && target.equals(endpoint.get().url());
        if (toMerchantEndpoint && endpoint.get().disabled()) {
            return giveUp(stored, attemptNumber, target, "endpoint_disabled: " + endpoint.get().disabledReason());
        }
        // Every merchant gets its secret at creation; one created before that gets it here, atomically,
        // the first time a payment's own webhook_url needs it (rotate-secret shows the merchant one).
        WebhookSecret secret = endpoint.map(WebhookEndpoint::secret)
                .orElseGet(() -> endpoints.ensureSecret(event.merchantId(), WebhookSecret.generate()));

        String body = WebhookPayload.render(event);
        Map<String, String> headers = signer.sign(event.eventId(), now.getEpochSecond(), body, secret,
                endpoint.map(e -> e.previousSecretAt(now)).orElse(null));
        TransportResult result = transport.post(target, headers, body);
        metrics.webhookAttempted(result.succeeded());
        DeliveryAttempt attempt = new DeliveryAttempt(attemptNumber, now, target, result.httpStatus(), result.error(),
                result.durationMillis(), result.responseSnippet());

        if (result.succeeded()) {
            record(stored, attempt, WebhookEvent.DeliveryStatus.DELIVERED, null, null);
            return DeliveryDecision.DONE;
        }
        String failure = result.error() != null ? result.error() : "http_" + result.httpStatus();
        if (result.gone()) {
            if (toMerchantEndpoint) {
                endpoints.disable(event.merchantId(), "410 Gone from " + target + " at " + now);
            }
            record(stored, attempt, WebhookEvent.DeliveryStatus.FAILED, "gone: the endpoint answered 410", null);
            return DeliveryDecision.DONE;
        }
        if (chain == null) {
            // Outside the chain: nothing is scheduled here, the event's own job goes on.
            record(stored, attempt, WebhookEvent.DeliveryStatus.RETRYING, failure, null);
            LOG.info("webhook_attempt_failed", Map.of("event_id", eventId, "merchant_id", event.merchantId(),
                    "attempt", attemptNumber, "reason", failure, "one_attempt", true));
            return DeliveryDecision.DONE;
        }
        Optional<Duration> next = schedule.delayBeforeAttempt(schedulePosition + 1, jitter);
        Duration delay = next.orElse(TO_DEAD_LETTER);
        record(stored, attempt, WebhookEvent.DeliveryStatus.RETRYING, failure,
                new NextAttempt(schedulePosition, clock.instant().plus(delay)));
        LOG.info("webhook_attempt_failed", Map.of("event_id", eventId, "merchant_id", event.merchantId(),
                "attempt", attemptNumber, "reason", failure, "next_in_s", next.map(DeliveryDecision::secondsRoundedUp).orElse(-1L)));
        return new DeliveryDecision.RetryAfter(delay);
    }

    private DeliveryDecision giveUp(StoredWebhookEvent stored, int attemptNumber, String target, String reason) {
        DeliveryAttempt attempt = new DeliveryAttempt(attemptNumber, clock.instant(), target, null, reason, 0, null);
        record(stored, attempt, WebhookEvent.DeliveryStatus.FAILED, reason, null);
        return DeliveryDecision.DONE;
    }

    private void record(StoredWebhookEvent stored, DeliveryAttempt attempt, WebhookEvent.DeliveryStatus status,
            String error, NextAttempt nextAttempt) {
        List<DeliveryAttempt> attempts = new ArrayList<>(stored.delivery().attempts());
        attempts.add(attempt);
        Instant now = clock.instant();
        DeliveryState next = new DeliveryState(status, attempts,
                status == WebhookEvent.DeliveryStatus.DELIVERED ? now : null,
                status == WebhookEvent.DeliveryStatus.FAILED ? now : null,
                error);
        events.recordAttempt(stored.event().eventId(), attempt, next, nextAttempt);
    }
}
