package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
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

            @Override
            public void resumeRetries(WebhookEvent event, String chainId, int schedulePosition) {
                throw new AssertionError("no retrying event in this test");
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

            @Override
            public void resumeRetries(WebhookEvent job, String chainId, int schedulePosition) {
                throw new AssertionError("no retrying event in this test");
            }
        };
        WebhookSweeper sweeping = new WebhookSweeper(events, sendsThenTableFails, clock, WebhookSweeper.GRACE);

        assertEquals(1, sweeping.sweep());

        assertEquals(List.of(event.eventId()), queuedIds());
        assertTrue(log.text().contains("sweeper_mark_requeued_failed"), log.text());
    }

    /*
     * Retrying events whose job the queue lost (purged, or the local runner's in-memory queue went
     * down with the runner): the event says when its job is due back, and the sweeper resumes the
     * chain once that is overdue by the grace.
     */

    private final ScriptedWebhookTransport merchant = new ScriptedWebhookTransport();
    /** Jitter pinned to its middle: the schedule's delays exactly (5 s before attempt 2, 5 min before attempt 3). */
    private final WebhookDeliveryService delivery = deliveryWith(RetrySchedule.production());

    @Test
    void retryingEventWhoseJobWasLostIsResumedAfterTheGraceWhereItsScheduleStood() {
        WebhookEvent event = retryingAfterFirstAttempt();
        Instant due = TestClocks.NOW.plusSeconds(5);
        assertEquals(due, events.nextAttemptAt(event.eventId()), "the event says when its job comes back");
        // The job is lost: it never comes back.

        clock.set(due.plus(WebhookSweeper.GRACE));
        assertEquals(0, sweeper.sweep(), "not yet overdue by more than the grace");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, sweeper.sweep());

        RecordingWebhookJobQueue.ResumedJob resumed = queue.resumed().get(0);
        assertEquals(event.eventId(), resumed.event().eventId());
        assertEquals(1, resumed.schedulePosition(), "one of the schedule's attempts was made");
        assertTrue(log.text().contains("sweeper_resumed_retries"), log.text());
        merchant.thenAnswer(ScriptedWebhookTransport.status(503));
        DeliveryDecision next = delivery.deliverInChain(event.eventId(), resumed.chainId(), 1 + 1);
        assertEquals(new DeliveryDecision.RetryAfter(Duration.ofMinutes(5)), next, "attempt 2 of the schedule: 5 min to the 3rd");
        assertEquals(DeliveryDecision.DONE, delivery.deliverInChain(event.eventId(), resumed.chainId(), 1 + 2));
        assertEquals(DeliveryStatus.DELIVERED, events.stored(event.eventId()).delivery().status());
        assertEquals(3, merchant.requests().size());
        assertNull(events.nextAttemptAt(event.eventId()), "delivered: no job is expected any more");
    }

    @Test
    void retryingEventWhoseJobComesBackOnTimeIsNeverResumed() {
        WebhookEvent event = retryingAfterFirstAttempt();
        merchant.thenAnswer(ScriptedWebhookTransport.status(500));

        clock.advance(Duration.ofSeconds(5));
        delivery.deliver(event.eventId(), 2); // the job, back on time: fails again, due back in 5 min
        clock.advance(Duration.ofMinutes(5).plus(WebhookSweeper.GRACE));
        assertEquals(0, sweeper.sweep());

        assertEquals(List.of(), queue.resumed());
        assertEquals(TestClocks.NOW.plusSeconds(5).plus(Duration.ofMinutes(5)), events.nextAttemptAt(event.eventId()));
    }

    @Test
    void overdueJobThatIsBeingDeliveredRightNowIsNotResumed() {
        WebhookEvent event = retryingAfterFirstAttempt();
        clock.advance(Duration.ofSeconds(5).plus(WebhookSweeper.GRACE).plusSeconds(1));
        assertTrue(events.acquireLeaseForChain(event.eventId(), null, clock.instant(), clock.instant().plusSeconds(60)),
                "the late job has just taken the lease");

        assertEquals(0, sweeper.sweep());

        assertEquals(List.of(), queue.resumed());
        assertNull(events.retryChain(event.eventId()));
    }

    /** Not lost after all, only late: once the chain is resumed, the old job does nothing when it comes back. */
    @Test
    void lateOriginalJobAfterAResumeNeitherDeliversNorStartsASecondChain() {
        WebhookEvent event = retryingAfterFirstAttempt();
        clock.advance(Duration.ofSeconds(5).plus(WebhookSweeper.GRACE).plusSeconds(1));
        assertEquals(1, sweeper.sweep());

        assertEquals(DeliveryDecision.DONE, delivery.deliver(event.eventId(), 2), "the original job, late");

        assertEquals(1, merchant.requests().size(), "no second POST from the old chain");
        assertEquals(DeliveryStatus.RETRYING, events.stored(event.eventId()).delivery().status());
        String chain = queue.resumed().get(0).chainId();
        assertEquals(DeliveryDecision.DONE, delivery.deliverInChain(event.eventId(), chain, 2));
        assertEquals(2, merchant.requests().size());
        assertEquals(DeliveryStatus.DELIVERED, events.stored(event.eventId()).delivery().status());
    }

    @Test
    void resumedEventIsResumedOnceHoweverManySweepsRunWhileItsJobIsQueued() {
        retryingAfterFirstAttempt();
        clock.advance(Duration.ofSeconds(5).plus(WebhookSweeper.GRACE).plusSeconds(1));

        assertEquals(1, sweeper.sweep());
        clock.advance(WebhookSweeper.GRACE.minusSeconds(1));
        assertEquals(0, sweeper.sweep());

        assertEquals(1, queue.resumed().size());
    }

    @Test
    void resumeThatCouldNotBeQueuedIsTriedAgainWithANewChainAfterTheGrace() {
        WebhookEvent event = retryingAfterFirstAttempt();
        clock.advance(Duration.ofSeconds(5).plus(WebhookSweeper.GRACE).plusSeconds(1));
        queue.failWith(new RetryableFailure("SQS SendMessage failed: SdkClientException", null));
        assertEquals(0, sweeper.sweep());
        assertTrue(log.text().contains("sweeper_resume_failed"), log.text());
        String unsent = events.retryChain(event.eventId());

        queue.failWith(null);
        clock.advance(WebhookSweeper.GRACE.plusSeconds(1));
        assertEquals(1, sweeper.sweep());

        RecordingWebhookJobQueue.ResumedJob resumed = queue.resumed().get(0);
        assertNotEquals(unsent, resumed.chainId());
        assertEquals(resumed.chainId(), events.retryChain(event.eventId()));
        assertEquals(1, resumed.schedulePosition());
    }

    /** After the last attempt the job only comes back to be dead-lettered; if it was lost, the resumed job ends it. */
    @Test
    void resumedChainPastTheLastAttemptMarksTheEventFailedWithoutPosting() {
        WebhookDeliveryService quick = deliveryWith(RetrySchedule.parse("0s,1s"));
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, TestClocks.NOW));
        merchant.thenAnswer(ScriptedWebhookTransport.status(500), ScriptedWebhookTransport.status(500));
        quick.deliver(event.eventId(), 1);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new DeliveryDecision.RetryAfter(Duration.ofSeconds(1)), quick.deliver(event.eventId(), 2),
                "the last attempt: back in 1 s to go to the dead-letter queue");
        clock.advance(Duration.ofSeconds(1).plus(WebhookSweeper.GRACE).plusSeconds(1));
        assertEquals(1, sweeper.sweep());

        RecordingWebhookJobQueue.ResumedJob resumed = queue.resumed().get(0);
        assertEquals(2, resumed.schedulePosition());
        assertEquals(DeliveryDecision.DONE, quick.deliverInChain(event.eventId(), resumed.chainId(), 2 + 1));

        assertEquals(2, merchant.requests().size(), "no attempt past the schedule");
        StoredWebhookEvent failed = events.stored(event.eventId());
        assertEquals(DeliveryStatus.FAILED, failed.delivery().status());
        assertEquals("retries_exhausted", failed.delivery().lastError());
        assertTrue(log.text().contains("webhook_retries_exhausted"), log.text());
    }

    /** A merchant's redelivery failed while the event's first job was lost: the event is retrying with no chain yet. */
    @Test
    void eventLeftRetryingByAFailedRedeliveryWithoutAnyJobIsResumedFromTheScheduleStart() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, TestClocks.NOW));
        events.markRequeued(event.eventId()); // its first job was sent, and then lost
        merchant.thenAnswer(ScriptedWebhookTransport.status(500));
        delivery.deliverOnce(event.eventId());
        assertEquals(TestClocks.NOW, events.nextAttemptAt(event.eventId()), "a job is expected from now on");

        clock.advance(WebhookSweeper.GRACE.plusSeconds(1));
        assertEquals(1, sweeper.sweep());

        assertEquals(0, queue.resumed().get(0).schedulePosition(), "no attempt of the schedule was made yet");
    }

    @Test
    void oneAttemptJobDoesNotMoveTheChainsDueTime() {
        WebhookEvent event = retryingAfterFirstAttempt();
        merchant.thenAnswer(ScriptedWebhookTransport.status(500));
        clock.advance(Duration.ofSeconds(2));

        delivery.deliverOnce(event.eventId());

        assertEquals(TestClocks.NOW.plusSeconds(5), events.nextAttemptAt(event.eventId()));
    }

    /** The event's first job failed its first attempt; its next one is due 5 s later. */
    private WebhookEvent retryingAfterFirstAttempt() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, TestClocks.NOW));
        merchant.thenAnswer(ScriptedWebhookTransport.status(500));
        assertEquals(new DeliveryDecision.RetryAfter(Duration.ofSeconds(5)), delivery.deliver(event.eventId(), 1));
        assertEquals(DeliveryStatus.RETRYING, events.stored(event.eventId()).delivery().status());
        return event;
    }

    private WebhookDeliveryService deliveryWith(RetrySchedule schedule) {
        InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
        endpoints.put(new WebhookEndpoint(MERCHANT, "https://hooks.acme.example/in", WebhookSecret.generate(), null,
                null, false, null));
        return new WebhookDeliveryService(events, endpoints, merchant, new WebhookSigner(), schedule, clock,
                middleJitter());
    }

    private static RandomGenerator middleJitter() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble(double origin, double bound) {
                return (origin + bound) / 2;
            }
        };
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
