package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestCardData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class TransactionWriterTest {
    private final PaymentWorld world = PaymentWorld.create();

    @Test
    void insertStoresTheTransactionWithItsEventAndQueuesThatEvent() {
        PaymentOutcome outcome = world.pay(TestCards.SUCCESS);

        List<WebhookEvent> stored = world.transactions.events();
        assertEquals(1, stored.size());
        assertEquals(WebhookEvent.DeliveryStatus.PENDING, stored.get(0).deliveryStatus());
        assertEquals(stored, world.queue.enqueued());
        assertTrue(outcome.webhookQueued());
    }

    @Test
    void withNoWebhookUrlAndNoEndpointTheEventIsRecordedAsFailedNotQueuedAndWebhookQueuedIsFalse() {
        world.withoutEndpoint(PaymentWorld.MERCHANT_A.merchantId());

        PaymentOutcome outcome = payWithWebhookUrl(null);

        assertFalse(outcome.webhookQueued());
        List<WebhookEvent> stored = world.transactions.events();
        assertEquals(1, stored.size(), "the event is recorded all the same");
        assertEquals(WebhookEvent.DeliveryStatus.FAILED, stored.get(0).deliveryStatus());
        assertEquals(outcome.transaction().transactionId(), stored.get(0).transactionId());
        assertTrue(world.queue.enqueued().isEmpty(), "no job for an event with nowhere to go");
    }

    @Test
    void aPaymentsOwnWebhookUrlIsADestinationWithoutAnyEndpoint() {
        world.withoutEndpoint(PaymentWorld.MERCHANT_A.merchantId());

        PaymentOutcome outcome = payWithWebhookUrl("https://merchant.example/order-hooks");

        assertTrue(outcome.webhookQueued());
        assertEquals(WebhookEvent.DeliveryStatus.PENDING, world.transactions.events().get(0).deliveryStatus());
        assertEquals(world.transactions.events(), world.queue.enqueued());
    }

    @Test
    void withAnEndpointAndNoWebhookUrlTheEventIsQueued() {
        PaymentOutcome outcome = payWithWebhookUrl(null);

        assertTrue(outcome.webhookQueued());
        assertEquals(world.transactions.events(), world.queue.enqueued());
    }

    private PaymentOutcome payWithWebhookUrl(String webhookUrl) {
        return world.payments.pay(PaymentWorld.MERCHANT_A, PaymentEngine.newTransactionId(), new DirectPaymentRequest(
                Money.of(15000, "USD"), CaptureMethod.AUTOMATIC, TestCardData.card(TestCards.SUCCESS), Map.of(), Map.of(), webhookUrl, null));
    }

    @Test
    void insertingATransactionWhoseIdIsStoredAnswersTheStoredOneAsItStandsAndWritesNothing() {
        Transaction pending = world.pendingChallenge();
        world.transactions.overwrite(pending.challengePassed());

        PaymentOutcome recovered;
        try (CapturedLog log = CapturedLog.start()) {
            recovered = world.writer.insert(pending);
            assertTrue(log.text().contains("transaction_recovered"), log.text());
        }

        assertEquals(pending.challengePassed(), recovered.transaction());
        assertFalse(recovered.webhookQueued());
        assertEquals(1, world.transactions.events().size());
        assertEquals(1, world.queue.enqueued().size());
    }

    @Test
    void enqueueFailureStillStoresEventAndReportsWebhookQueuedFalse() {
        world.queue.failWith(new IllegalStateException("sqs is down"));

        PaymentOutcome outcome;
        try (CapturedLog log = CapturedLog.start()) {
            outcome = world.pay(TestCards.SUCCESS);
            assertTrue(log.text().contains("webhook_enqueue_failed"), log.text());
        }

        assertFalse(outcome.webhookQueued());
        assertEquals(TransactionStatus.COMPLETED, world.stored(outcome.transaction().transactionId()).status());
        assertEquals(1, world.transactions.events().size(), "the sweeper will find the pending event");
        assertEquals(WebhookEvent.DeliveryStatus.PENDING, world.transactions.events().get(0).deliveryStatus());
    }

    @Test
    void statusChangeIsStoredWithItsEventAndQueued() {
        Transaction pending = world.pendingChallenge();
        Transaction completed = pending.challengePassed().approve(world.clock.instant());
        world.transactions.overwrite(pending.challengePassed());

        Optional<PaymentOutcome> outcome = world.writer.update(completed, true);

        assertTrue(outcome.orElseThrow().webhookQueued());
        List<WebhookEvent> events = world.transactions.eventsFor(pending.transactionId());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_SUCCEEDED),
                events.stream().map(WebhookEvent::type).toList());
        assertEquals(events, world.queue.enqueued());
    }

    @Test
    void updateWithoutStatusChangeAnnouncesNothing() {
        Transaction pending = world.pendingChallenge();

        PaymentOutcome outcome = world.writer.update(pending.challengePassed(), false).orElseThrow();

        assertFalse(outcome.webhookQueued());
        assertEquals(1, world.transactions.eventsFor(pending.transactionId()).size());
        assertEquals(1, world.queue.enqueued().size());
    }

    @Test
    void updateThatLosesTheRaceWritesAndQueuesNothing() {
        Transaction pending = world.pendingChallenge();
        Transaction stale = pending.fail(ThreeDSecureService.CHALLENGE_FAILED, ThreeDSecureStatus.FAILED,
                world.clock.instant());
        world.transactions.overwrite(pending.challengePassed()); // someone else got version 2 first

        assertEquals(Optional.empty(), world.writer.update(stale, true));

        assertEquals(ThreeDSecureStatus.AUTHENTICATED, world.stored(pending.transactionId()).threeDSecure());
        assertEquals(1, world.transactions.events().size());
        assertEquals(1, world.queue.enqueued().size());
    }

    @Test
    void enqueueFailureOnAStatusChangeIsReportedNotThrown() {
        Transaction pending = world.pendingChallenge();
        world.queue.failWith(new IllegalStateException("sqs is down"));

        PaymentOutcome outcome;
        try (CapturedLog log = CapturedLog.start()) {
            outcome = world.writer.update(pending.fail(ThreeDSecureService.CHALLENGE_FAILED,
                    ThreeDSecureStatus.FAILED, world.clock.instant()), true).orElseThrow();
            assertTrue(log.text().contains(pending.transactionId()), "the failure is logged for operators");
        }

        assertFalse(outcome.webhookQueued());
        assertEquals(2, world.transactions.eventsFor(pending.transactionId()).size());
    }
}
