package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WebhookEventsTest {
    private static final Instant AT = TestClocks.NOW.plusSeconds(5);
    private final PaymentWorld world = PaymentWorld.create();

    @ParameterizedTest
    @CsvSource({
        "4242424242424242, payment.succeeded",
        "4000000000000002, payment.failed",
        "4000000000003220, payment.pending",
    })
    void eachTransactionStatusAnnouncesItsEvent(String pan, String eventType) {
        Transaction t = world.pay(pan).transaction();

        assertEquals(eventType, WebhookEvents.announce(t, AT).type().wireName());
    }

    @Test
    void eventNamesItsMerchantAndTransactionAndCarriesTheStatusView() {
        Transaction t = world.pay(TestCards.SUCCESS).transaction();

        WebhookEvent event = WebhookEvents.announce(t, AT);

        assertTrue(event.eventId().matches("evt_[0-9A-Za-z]{24}"), event.eventId());
        assertEquals(PaymentWorld.MERCHANT_A.merchantId(), event.merchantId());
        assertEquals(t.transactionId(), event.transactionId());
        assertEquals(AT, event.createdAt());
        assertEquals(TransactionView.of(t), event.data(), "webhook and GET status never disagree");
        assertEquals(WebhookEvent.DeliveryStatus.PENDING, event.deliveryStatus());
    }

    @Test
    void eventDataIsFrozenWhenTheEventIsCreated() {
        Transaction pending = world.pendingChallenge();
        WebhookEvent announced = WebhookEvents.announce(pending, AT);

        pending.challengePassed().approve(AT);

        assertEquals("pending", announced.data().get("status"));
    }

    @Test
    void everyEventGetsItsOwnId() {
        Transaction t = world.pay(TestCards.SUCCESS).transaction();

        assertNotEquals(WebhookEvents.announce(t, AT).eventId(), WebhookEvents.announce(t, AT).eventId());
    }

    @ParameterizedTest
    @EnumSource(WebhookEventType.class)
    void eventTypeWireNamesRoundTrip(WebhookEventType type) {
        assertEquals(type, WebhookEventType.fromWireName(type.wireName()));
        assertTrue(type.wireName().matches("(payment|refund|webhook)\\.[a-z_]+"), type.wireName());
    }

    @Test
    void aTestEventIsAboutNoPaymentAndItsDataSaysItIsATest() {
        WebhookEvent test = WebhookEvents.test("evt_" + "T".repeat(24), "mch_test", com.circoflows.domain.merchant.Mode.TEST,
                java.time.Instant.parse("2026-12-06T09:00:00Z"));

        assertEquals(WebhookEventType.WEBHOOK_TEST, test.type());
        assertEquals(null, test.transactionId());
        assertEquals(null, test.targetUrl(), "sent to the merchant's endpoint");
        assertEquals(WebhookEvent.DeliveryStatus.PENDING, test.deliveryStatus());
        assertEquals(true, test.data().get("test"));
        assertEquals(false, test.data().get("livemode"));
        assertEquals(WebhookEvents.TEST_MESSAGE, test.data().get("message"));
    }

    @ParameterizedTest
    @EnumSource(WebhookEvent.DeliveryStatus.class)
    void deliveryStatusWireNamesRoundTrip(WebhookEvent.DeliveryStatus status) {
        assertEquals(status, WebhookEvent.DeliveryStatus.fromWireName(status.wireName()));
    }

    @Test
    void unknownEventTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebhookEventType.fromWireName("payment.refunded"));
    }
}
