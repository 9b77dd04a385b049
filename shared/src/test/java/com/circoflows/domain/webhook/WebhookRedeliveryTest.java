package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.RecordingWebhookJobQueue;
import com.circoflows.testing.ScriptedWebhookTransport;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.WebhookTestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class WebhookRedeliveryTest {
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();
    private static final String URL = "https://hooks.acme.example/in";
    private static final Instant CREATED = TestClocks.NOW.minus(Duration.ofDays(3));

    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final RecordingWebhookJobQueue queue = new RecordingWebhookJobQueue();
    private final WebhookRedelivery redelivery = new WebhookRedelivery(events, queue);
    private final CapturedLog log = CapturedLog.start();

    @AfterEach
    void restoreLog() {
        log.close();
    }

    @Test
    void aKeyOfTheOtherModeCannotRedeliverTheEventAndNothingIsQueued() {
        WebhookEvent event = failed(WebhookTestEvents.pending(MERCHANT, CREATED), 1);
        var liveKeyOfTheSameMerchant = new com.circoflows.domain.merchant.AuthenticatedKey("LiveKeyOfMerchantA",
                MERCHANT, com.circoflows.domain.merchant.Mode.LIVE);

        ApiException e = assertThrows(ApiException.class, () -> redelivery.redeliver(liveKeyOfTheSameMerchant,
                event.eventId()));

        assertEquals(ErrorCode.EVENT_NOT_FOUND, e.code());
        assertEquals(DeliveryStatus.FAILED, events.stored(event.eventId()).delivery().status());
        assertTrue(queuedIds().isEmpty());
    }

    @Test
    void failedEventIsReopenedAsPendingWithItsHistoryAndAJobIsQueued() {
        WebhookEvent event = failed(WebhookTestEvents.pending(MERCHANT, CREATED), 3);

        StoredWebhookEvent shown = redelivery.redeliver(PaymentWorld.MERCHANT_A, event.eventId());

        assertEquals(DeliveryStatus.PENDING, shown.delivery().status());
        assertEquals(3, shown.delivery().attempts().size(), "the history stays");
        assertNull(shown.delivery().failedAt());
        assertNull(shown.delivery().lastError());
        assertEquals(shown, events.stored(event.eventId()));
        assertEquals(List.of(event.eventId()), queuedIds());
    }

    @Test
    void deliveredEventCanBeSentAgain() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        DeliveryAttempt ok = new DeliveryAttempt(1, CREATED, URL, 200, null, 10, null);
        events.recordAttempt(event.eventId(), ok,
                new DeliveryState(DeliveryStatus.DELIVERED, List.of(ok), CREATED, null, null));

        StoredWebhookEvent shown = redelivery.redeliver(PaymentWorld.MERCHANT_A, event.eventId());

        assertEquals(DeliveryStatus.PENDING, shown.delivery().status());
        assertNull(shown.delivery().deliveredAt());
        assertEquals(List.of(event.eventId()), queuedIds());
    }

    @Test
    void eventStillBeingRetriedGetsAOneAttemptJobNotASecondRetryChain() {
        WebhookEvent event = retrying(stored(WebhookTestEvents.pending(MERCHANT, CREATED)));

        StoredWebhookEvent shown = redelivery.redeliver(PaymentWorld.MERCHANT_A, event.eventId());

        assertEquals(DeliveryStatus.RETRYING, shown.delivery().status());
        assertEquals(List.of(), queuedIds(), "no scheduled job beside the one already in the queue");
        assertEquals(List.of(event.eventId()), queue.oneAttemptJobs().stream().map(WebhookEvent::eventId).toList());
    }

    @Test
    void oneAttemptJobThatFailsSchedulesNothingAndTheEventKeepsRetryingOnItsOwnJob() {
        WebhookEvent event = retrying(stored(WebhookTestEvents.pending(MERCHANT, CREATED)));
        ScriptedWebhookTransport transport = new ScriptedWebhookTransport();
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(503));
        WebhookDeliveryService delivery = deliveryThrough(transport);
        redelivery.redeliver(PaymentWorld.MERCHANT_A, event.eventId());

        DeliveryDecision manual = delivery.deliverOnce(queue.oneAttemptJobs().get(0).eventId());
        DeliveryDecision original = delivery.deliver(event.eventId(), 2);

        assertEquals(DeliveryDecision.DONE, manual, "the one-attempt job is removed, failure or not");
        assertTrue(original instanceof DeliveryDecision.RetryAfter, "the original job keeps its schedule");
        assertEquals(List.of(1, 2, 3), events.stored(event.eventId()).delivery().attempts().stream()
                .map(DeliveryAttempt::number).toList());
        assertEquals(DeliveryStatus.RETRYING, events.stored(event.eventId()).delivery().status());
    }

    @Test
    void oneAttemptJobThatSucceedsLeavesNothingForTheOriginalJobToSend() {
        WebhookEvent event = retrying(stored(WebhookTestEvents.pending(MERCHANT, CREATED)));
        ScriptedWebhookTransport transport = new ScriptedWebhookTransport();
        WebhookDeliveryService delivery = deliveryThrough(transport);
        redelivery.redeliver(PaymentWorld.MERCHANT_A, event.eventId());

        delivery.deliverOnce(event.eventId());
        DeliveryDecision original = delivery.deliver(event.eventId(), 2);

        assertEquals(DeliveryDecision.DONE, original);
        assertEquals(1, transport.requests().size(), "the merchant receives the event once");
        assertEquals(DeliveryStatus.DELIVERED, events.stored(event.eventId()).delivery().status());
    }

    @Test
    void anotherMerchantsEventIsNotFoundAndNothingHappens() {
        WebhookEvent event = failed(WebhookTestEvents.pending(MERCHANT, CREATED), 1);

        ApiException e = assertThrows(ApiException.class,
                () -> redelivery.redeliver(PaymentWorld.MERCHANT_B, event.eventId()));

        assertEquals(ErrorCode.EVENT_NOT_FOUND, e.code());
        assertEquals(DeliveryStatus.FAILED, events.stored(event.eventId()).delivery().status(), "not reopened");
        assertEquals(0, queue.attempts());
    }

    @Test
    void unknownEventIsNotFound() {
        ApiException e = assertThrows(ApiException.class,
                () -> redelivery.redeliver(PaymentWorld.MERCHANT_A, "evt_000000000000000000000000"));

        assertEquals(ErrorCode.EVENT_NOT_FOUND, e.code());
    }

    @Test
    void queueFailureIsARetryableFailureAndTheSweeperQueuesTheReopenedEventLater() {
        WebhookEvent event = failed(WebhookTestEvents.pending(MERCHANT, CREATED), 2);
        queue.failWith(new RetryableFailure("SQS SendMessage failed: SdkClientException", null));

        assertThrows(RetryableFailure.class, () -> redelivery.redeliver(PaymentWorld.MERCHANT_A, event.eventId()));

        assertEquals(DeliveryStatus.PENDING, events.stored(event.eventId()).delivery().status());
        RecordingWebhookJobQueue healthy = new RecordingWebhookJobQueue();
        assertEquals(1, new WebhookSweeper(events, healthy, clock, WebhookSweeper.GRACE).sweep());
        assertEquals(event.eventId(), healthy.enqueued().get(0).eventId());
    }

    @Test
    void redeliveredEventIsDeliveredAndItsHistoryShowsEveryAttempt() {
        WebhookEvent event = failed(WebhookTestEvents.pending(MERCHANT, CREATED), 2);
        InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
        endpoints.put(new WebhookEndpoint(MERCHANT, URL, WebhookSecret.generate(), null, null, false, null));
        ScriptedWebhookTransport transport = new ScriptedWebhookTransport();
        WebhookDeliveryService delivery = new WebhookDeliveryService(events, endpoints, transport, new WebhookSigner(),
                RetrySchedule.production(), clock, new SplittableRandom(3));

        redelivery.redeliver(PaymentWorld.MERCHANT_A, event.eventId());
        DeliveryDecision decision = delivery.deliver(queue.enqueued().get(0).eventId(), 1);

        assertEquals(DeliveryDecision.DONE, decision);
        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.DELIVERED, after.delivery().status());
        assertEquals(List.of(1, 2, 3), after.delivery().attempts().stream().map(DeliveryAttempt::number).toList());
        assertEquals(event.eventId(), transport.onlyRequest().eventId(), "the same webhook-id as the first time");
    }

    private WebhookEvent retrying(WebhookEvent event) {
        DeliveryAttempt fail = new DeliveryAttempt(1, CREATED, URL, 500, null, 10, null);
        events.recordAttempt(event.eventId(), fail,
                new DeliveryState(DeliveryStatus.RETRYING, List.of(fail), null, null, "http_500"));
        return event;
    }

    private WebhookDeliveryService deliveryThrough(ScriptedWebhookTransport transport) {
        InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
        endpoints.put(new WebhookEndpoint(MERCHANT, URL, WebhookSecret.generate(), null, null, false, null));
        return new WebhookDeliveryService(events, endpoints, transport, new WebhookSigner(),
                RetrySchedule.production(), clock, new SplittableRandom(3));
    }

    private WebhookEvent stored(WebhookEvent event) {
        events.add(event);
        return event;
    }

    private WebhookEvent failed(WebhookEvent event, int attempts) {
        stored(event);
        for (int i = 1; i <= attempts; i++) {
            DeliveryAttempt attempt = new DeliveryAttempt(i, CREATED.plusSeconds(i), URL, 500, null, 10, null);
            events.recordAttempt(event.eventId(), attempt,
                    new DeliveryState(DeliveryStatus.RETRYING, List.of(), null, null, "http_500"));
        }
        assertTrue(events.markFailed(event.eventId(), CREATED.plus(Duration.ofDays(1)), "retries_exhausted"));
        return event;
    }

    private List<String> queuedIds() {
        return queue.enqueued().stream().map(WebhookEvent::eventId).toList();
    }
}
