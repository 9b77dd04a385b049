package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSweeperTest {
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();
    private static final Instant OLD = TestClocks.NOW.minus(WebhookSweeper.GRACE).minusSeconds(1);

    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final RecordingWebhookJobQueue queue = new RecordingWebhookJobQueue();
    private final WebhookSweeper sweeper = new WebhookSweeper(events, queue, clock, WebhookSweeper.GRACE);
    private final CapturedLog log = CapturedLog.start();

    @AfterEach
    void restoreLog() {
        log.close();
    }

    @Test
    void pendingEventThatNoDeliveryTouchedIsQueuedAgainOnceTheGraceIsOver() {
        WebhookEvent stranded = stored(WebhookTestEvents.pending(MERCHANT, OLD));

        assertEquals(1, sweeper.sweep());

        assertEquals(List.of(stranded.eventId()), queuedIds());
        assertTrue(log.text().contains("sweeper_requeued"), log.text());
    }

    @Test
    void eventStillWithinTheGraceIsLeftToItsOwnJob() {
        stored(WebhookTestEvents.pending(MERCHANT, TestClocks.NOW.minus(WebhookSweeper.GRACE).plusSeconds(1)));

        assertEquals(0, sweeper.sweep());

        assertTrue(queue.enqueued().isEmpty());
        assertEquals(0, queue.attempts());
    }

    @Test
    void eventsADeliveryHasTouchedAreNotSwept() {
        WebhookEvent retrying = stored(WebhookTestEvents.pending(MERCHANT, OLD));
        WebhookEvent delivered = stored(WebhookTestEvents.pending(MERCHANT, OLD));
        WebhookEvent deadLettered = stored(WebhookTestEvents.pending(MERCHANT, OLD));
        attempt(retrying, DeliveryStatus.RETRYING);
        attempt(delivered, DeliveryStatus.DELIVERED);
        events.markFailed(deadLettered.eventId(), TestClocks.NOW, "retries_exhausted");

        assertEquals(0, sweeper.sweep());

        assertTrue(queue.enqueued().isEmpty());
    }

    @Test
    void queueFailureForOneEventDoesNotStopTheOthersAndTheEventIsTriedAgainNextSweep() {
        WebhookEvent first = stored(WebhookTestEvents.pending(MERCHANT, OLD.minusSeconds(10)));
        WebhookEvent second = stored(WebhookTestEvents.pending(MERCHANT, OLD));
        RecordingWebhookJobQueue flaky = new RecordingWebhookJobQueue();
        WebhookJobQueue failsFirst = new WebhookJobQueue() {
            @Override
            public void enqueue(WebhookEvent event) {
                if (event.eventId().equals(first.eventId())) {
                    throw new RetryableFailure("SQS SendMessage failed: SdkClientException", null);
                }
                flaky.enqueue(event);
            }

            @Override
            public void enqueueOneAttempt(WebhookEvent event) {
                throw new AssertionError("the sweeper queues scheduled jobs only");
            }
        };
        WebhookSweeper sweeping = new WebhookSweeper(events, failsFirst, clock, WebhookSweeper.GRACE);

        assertEquals(1, sweeping.sweep());

        assertEquals(List.of(second.eventId()), flaky.enqueued().stream().map(WebhookEvent::eventId).toList());
        assertTrue(log.text().contains("sweeper_enqueue_failed"), log.text());
        assertTrue(events.neverAttempted(first.eventId()), "still stranded, so the next sweep tries again");
        assertEquals(1, sweeper.sweep(), "the second's job is in SQS now; only the first is queued again");
        assertEquals(List.of(first.eventId()), queuedIds());
    }

    @Test
    void queueThatIsDownQueuesNothingAndThrowsNothing() {
        stored(WebhookTestEvents.pending(MERCHANT, OLD));
        stored(WebhookTestEvents.pending(MERCHANT, OLD));
        queue.failWith(new RetryableFailure("SQS SendMessage failed: SdkClientException", null));

        assertEquals(0, sweeper.sweep());

        assertEquals(2, queue.attempts());
    }

    @Test
    void oneSweepQueuesAtMostOneHundredOldestFirst() {
        List<WebhookEvent> stranded = IntStream.range(0, 105)
                .mapToObj(i -> stored(WebhookTestEvents.pending(MERCHANT, OLD.minusSeconds(200 - i))))
                .toList();

        assertEquals(100, sweeper.sweep());

        assertEquals(stranded.subList(0, 100).stream().map(WebhookEvent::eventId).toList(), queuedIds());
    }

    @Test
    void eventReopenedForRedeliveryIsSweptIfItsJobIsLost() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, OLD));
        attempt(event, DeliveryStatus.FAILED);
        assertEquals(0, sweeper.sweep());

        events.reopenForRedelivery(event.eventId());

        assertEquals(1, sweeper.sweep());
        assertEquals(List.of(event.eventId()), queuedIds());
    }

    @Test
    void jobQueuedTwiceBySweeperAndOriginalDeliversOnce() {
        InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
        endpoints.put(new WebhookEndpoint(MERCHANT, "https://hooks.acme.example/in", WebhookSecret.generate(), null,
                null, false, null));
        ScriptedWebhookTransport transport = new ScriptedWebhookTransport();
        WebhookDeliveryService delivery = new WebhookDeliveryService(events, endpoints, transport, new WebhookSigner(),
                RetrySchedule.production(), clock, new SplittableRandom(1));
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, OLD));
        sweeper.sweep();

        for (WebhookEvent job : queue.enqueued()) {
            assertEquals(DeliveryDecision.DONE, delivery.deliver(job.eventId(), 1));
        }
        assertEquals(DeliveryDecision.DONE, delivery.deliver(event.eventId(), 1), "the original job, late");

        assertEquals(1, queue.enqueued().size());
        assertEquals(1, transport.requests().size(), "the merchant sees one webhook-id once");
        assertEquals(DeliveryStatus.DELIVERED, events.stored(event.eventId()).delivery().status());
    }

    @Test
    void eventWaitingInAQueueBacklogIsQueuedAgainOnlyOnceHoweverManySweepsRun() {
        WebhookEvent backlogged = stored(WebhookTestEvents.pending(MERCHANT, OLD));

        assertEquals(1, sweeper.sweep());
        clock.advance(java.time.Duration.ofMinutes(10));
        assertEquals(0, sweeper.sweep());
        assertEquals(0, sweeper.sweep());

        assertEquals(List.of(backlogged.eventId()), queuedIds());
        assertTrue(!events.neverAttempted(backlogged.eventId()), "its job is in SQS: attempted or dead-lettered");
    }

    @Test
    void eventQueuedAgainButNotMarkedIsOnlyDuplicatedNotLost() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, OLD));
        WebhookJobQueue sendsThenTableFails = new WebhookJobQueue() {
            @Override
            public void enqueue(WebhookEvent job) {
                queue.enqueue(job);
                events.failWith(new RetryableFailure("DynamoDB UpdateItem failed: throttled", null));
            }

            @Override
            public void enqueueOneAttempt(WebhookEvent job) {
                throw new AssertionError("the sweeper queues scheduled jobs only");
            }
        };
        WebhookSweeper sweeping = new WebhookSweeper(events, sendsThenTableFails, clock, WebhookSweeper.GRACE);

        assertEquals(1, sweeping.sweep());

        assertEquals(List.of(event.eventId()), queuedIds());
        assertTrue(log.text().contains("sweeper_mark_requeued_failed"), log.text());
    }

    private WebhookEvent stored(WebhookEvent event) {
        events.add(event);
        return event;
    }

    private void attempt(WebhookEvent event, DeliveryStatus status) {
        DeliveryAttempt attempt = new DeliveryAttempt(1, TestClocks.NOW, "https://hooks.acme.example/in",
                status == DeliveryStatus.DELIVERED ? 200 : 500, null, 10, null);
        events.recordAttempt(event.eventId(), attempt, new DeliveryState(status, List.of(attempt),
                status == DeliveryStatus.DELIVERED ? TestClocks.NOW : null,
                status == DeliveryStatus.FAILED ? TestClocks.NOW : null, null));
    }

    private List<String> queuedIds() {
        return queue.enqueued().stream().map(WebhookEvent::eventId).toList();
    }
}
