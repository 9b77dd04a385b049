package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.RecordingWebhookJobQueue;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.WebhookTestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class DeadLetteredEventsTest {
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();
    private static final Instant CREATED = TestClocks.NOW.minus(Duration.ofDays(3));
    private static final String URL = "https://hooks.acme.example/in";

    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final DeadLetteredEvents deadLettered = new DeadLetteredEvents(events, clock);
    private final CapturedLog log = CapturedLog.start();

    @AfterEach
    void restoreLog() {
        log.close();
    }

    @Test
    void retryingEventBecomesFailedWithItsHistoryKept() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        failedAttempts(event, 3);

        deadLettered.markFailed(event.eventId());

        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.FAILED, after.delivery().status());
        assertEquals(TestClocks.NOW, after.delivery().failedAt());
        assertEquals("retries_exhausted", after.delivery().lastError());
        assertEquals(3, after.delivery().attempts().size(), "the merchant still sees every attempt");
        assertTrue(log.text().contains("webhook_dead_lettered"), log.text());
    }

    @Test
    void deliveredEventStaysDeliveredWhenAStaleDuplicateIsDeadLettered() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        DeliveryAttempt ok = new DeliveryAttempt(1, TestClocks.NOW, URL, 200, null, 10, null);
        events.recordAttempt(event.eventId(), ok,
                new DeliveryState(DeliveryStatus.DELIVERED, List.of(ok), TestClocks.NOW, null, null));

        deadLettered.markFailed(event.eventId());

        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.DELIVERED, after.delivery().status());
        assertNull(after.delivery().failedAt());
        assertTrue(log.text().contains("\"marked_failed\":false"), log.text());
    }

    @Test
    void failedEventIsNotFailedTwice() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        deadLettered.markFailed(event.eventId());
        Instant firstFailure = events.stored(event.eventId()).delivery().failedAt();
        clock.advance(Duration.ofHours(1));

        deadLettered.markFailed(event.eventId());

        assertEquals(firstFailure, events.stored(event.eventId()).delivery().failedAt());
    }

    @Test
    void pendingEventDeadLetteredBeforeAnyAttemptIsNoLongerSwept() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));

        deadLettered.markFailed(event.eventId());

        assertEquals(DeliveryStatus.FAILED, events.stored(event.eventId()).delivery().status());
        assertFalse(events.neverAttempted(event.eventId()));
    }

    @Test
    void unknownEventIsIgnored() {
        deadLettered.markFailed("evt_000000000000000000000000");

        assertTrue(log.text().contains("webhook_dead_lettered"), log.text());
    }

    @Test
    void deadLetteredEventStaysAvailableForRedelivery() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        failedAttempts(event, 2);
        deadLettered.markFailed(event.eventId());
        RecordingWebhookJobQueue queue = new RecordingWebhookJobQueue();

        StoredWebhookEvent reopened = new WebhookRedelivery(events, queue)
                .redeliver(PaymentWorld.MERCHANT_A, event.eventId());

        assertEquals(DeliveryStatus.PENDING, reopened.delivery().status());
        assertEquals(2, reopened.delivery().attempts().size());
        assertEquals(List.of(event.eventId()), queue.enqueued().stream().map(WebhookEvent::eventId).toList());
    }

    private WebhookEvent stored(WebhookEvent event) {
        events.add(event);
        return event;
    }

    private void failedAttempts(WebhookEvent event, int count) {
        for (int i = 1; i <= count; i++) {
            DeliveryAttempt attempt = new DeliveryAttempt(i, TestClocks.NOW.minusSeconds(100 - i), URL, 500, null, 10,
                    null);
            events.recordAttempt(event.eventId(), attempt,
                    new DeliveryState(DeliveryStatus.RETRYING, List.of(), null, null, "http_500"));
        }
    }
}
