package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.money.Money;
import com.circoflows.json.Json;
import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.ScriptedCardGateway;
import com.circoflows.testing.TestClocks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectPaymentServiceTest {
    private final PaymentWorld world = PaymentWorld.create();

    @Test
    void approvedCardIsStoredCompletedWithItsSucceededEvent() {
        PaymentOutcome outcome = world.pay(TestCards.SUCCESS);

        Transaction t = world.stored(outcome.transaction().transactionId());
        assertEquals(outcome.transaction(), t);
        assertEquals(TransactionStatus.COMPLETED, t.status());
        assertEquals(ThreeDSecureStatus.NOT_REQUIRED, t.threeDSecure());
        assertTrue(t.gatewayTransactionId().startsWith("gw_"));
        assertEquals(TestClocks.NOW, t.createdAt());
        assertEquals(TestClocks.NOW, t.processedAt());
        assertNull(t.failure());
        assertEquals(1, t.version());
        assertTrue(outcome.webhookQueued());
        assertEventsOf(t, WebhookEventType.PAYMENT_SUCCEEDED);
    }

    @Test
    void paymentKeepsWhatTheMerchantSent() {
        Transaction t = world.pay(TestCards.SUCCESS, "https://merchant.example/return").transaction();

        assertEquals(PaymentWorld.MERCHANT_A.merchantId(), t.merchantId());
        assertEquals(Mode.TEST, t.mode());
        assertEquals(Money.of(15000, "USD"), t.amount());
        assertEquals(Map.of("name", "John Doe", "email", "john@example.com"), t.customerInfo());
        assertEquals(Map.of("order_id", "ORD-12345"), t.metadata());
        assertEquals("https://merchant.example/webhooks", t.webhookUrl());
        assertEquals("https://merchant.example/return", t.returnUrl());
    }

    @Test
    void declinedCardIsStoredAsFailedWithItsWebhookEvent() {
        PaymentOutcome outcome = world.pay(TestCards.DECLINED);

        Transaction t = world.stored(outcome.transaction().transactionId());
        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals(new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "generic_decline"),
                t.failure());
        assertNotNull(t.gatewayTransactionId(), "the gateway saw it, so its id is kept");
        assertEquals(TestClocks.NOW, t.processedAt());
        assertTrue(outcome.webhookQueued());
        assertEventsOf(t, WebhookEventType.PAYMENT_FAILED);
    }

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(nullValues = "-", value = {
        "4242424242424242, completed, -,                  -",
        "4000000000000002, failed,    card_declined,      generic_decline",
        "4000000000003220, pending,   -,                  -",
        "4000000000009995, failed,    insufficient_funds, insufficient_funds",
        "4000000000000069, failed,    expired_card,       expired_card",
        "4000000000000127, failed,    invalid_cvv,        incorrect_cvc",
        "4000000000000119, failed,    processing_error,   -",
        "4100000000000019, failed,    card_declined,      fraudulent",
        "5555555555554444, completed, -,                  -",
    })
    void everyTestCardHasItsDocumentedOutcome(String pan, String status, String code, String declineCode) {
        Transaction t = world.pay(pan).transaction();

        assertEquals(status, t.status().wireName());
        if (code == null) {
            assertNull(t.failure());
        } else {
            assertEquals(code, t.failure().code().code());
            assertEquals("card_error", t.failure().code().type().wireName());
            assertEquals(declineCode, t.failure().declineCode());
        }
    }

    @Test
    void threeDSecureCardWaitsForTheChallengeAndAnnouncesPending() {
        PaymentOutcome outcome = world.pay(TestCards.THREE_D_SECURE_REQUIRED);

        Transaction t = world.stored(outcome.transaction().transactionId());
        assertEquals(TransactionStatus.PENDING, t.status());
        assertEquals(ThreeDSecureStatus.REQUIRED, t.threeDSecure());
        assertTrue(t.awaitsChallenge());
        assertNull(t.processedAt(), "nothing processed yet");
        assertNotNull(t.gatewayTransactionId());
        assertEventsOf(t, WebhookEventType.PAYMENT_PENDING);
    }

    @Test
    void fraudBlockedCardNeverReachesTheGateway() {
        ScriptedCardGateway gateway = new ScriptedCardGateway();
        PaymentWorld scripted = PaymentWorld.withGateway(gateway);

        Transaction t = scripted.pay(TestCards.BLOCKED_BY_FRAUD_RULES).transaction();

        assertEquals(0, gateway.authorizations());
        assertEquals(TransactionStatus.FAILED, t.status());
        assertNull(t.gatewayTransactionId(), "there is no gateway transaction to name");
        assertEquals("fraudulent", t.failure().declineCode());
        assertEquals(1, scripted.transactions.eventsFor(t.transactionId()).size());
    }

    @Test
    void inTestModeTheSuccessCardPaidThirtyTimesIsNeverDeclinedAsFraudulent() {
        for (int i = 1; i <= 30; i++) {
            Transaction t = world.pay(TestCards.SUCCESS).transaction();

            assertEquals(TransactionStatus.COMPLETED, t.status(), "payment " + i + ": " + t.failure());
            assertEquals(0, t.risk().score());
        }
    }

    @ParameterizedTest
    @CsvSource({
            TestCards.BLOCKED_BY_FRAUD_RULES + ", blocked_card",
            TestCards.TRIPS_AMOUNT_LIMIT + ", amount_limit",
            TestCards.TRIPS_CARD_VELOCITY + ", card_velocity",
            TestCards.TRIPS_MERCHANT_VELOCITY + ", merchant_velocity",
            TestCards.TRIPS_CARD_TESTING + ", card_testing"})
    void inTestModeEachFraudRulesOwnCardIsDeclinedAsFraudulentByThatRuleWithoutReachingTheGateway(String card,
            String rule) {
        ScriptedCardGateway gateway = new ScriptedCardGateway();
        PaymentWorld scripted = PaymentWorld.withGateway(gateway);

        Transaction t = scripted.pay(card).transaction();

        assertEquals(0, gateway.authorizations());
        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals(ErrorCode.CARD_DECLINED, t.failure().code());
        assertEquals("fraudulent", t.failure().declineCode());
        assertEquals(List.of(rule), t.risk().rulesHit());
    }

    @Test
    void gatewayProcessingErrorIsStoredFailedAsARetryableProcessingError() {
        Transaction t = world.pay(TestCards.PROCESSING_ERROR).transaction();

        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals(ErrorCode.PROCESSING_ERROR, t.failure().code());
        assertTrue(t.failure().message().contains("try again"), t.failure().message());
    }

    @Test
    void payingAgainUnderTheIdOfAStoredPaymentAnswersThatPaymentAndChargesAndStoresNothingMore() {
        String transactionId = PaymentEngine.newTransactionId();
        PaymentOutcome first = world.payments.pay(PaymentWorld.MERCHANT_A, transactionId,
                PaymentWorld.request(TestCards.SUCCESS));

        PaymentOutcome retried = world.payments.pay(PaymentWorld.MERCHANT_A, transactionId,
                PaymentWorld.request(TestCards.SUCCESS));

        assertEquals(first.transaction(), retried.transaction());
        assertFalse(retried.webhookQueued(), "the stored event's job is the sweeper's if it was never queued");
        assertEquals(1, world.transactions.all().size());
        assertEquals(1, world.transactions.events().size());
        assertEquals(1, world.queue.enqueued().size());
        assertEquals(1, world.ledger.all().size(), "one authorisation at the gateway");
    }

    @Test
    void payingAgainAfterTheGatewayApprovedButNothingWasStoredStoresTheFirstApproval() {
        String transactionId = PaymentEngine.newTransactionId();
        Transaction charged = world.engine.charge(new PaymentEngine.Charge(transactionId,
                PaymentWorld.MERCHANT_A.merchantId(), Mode.TEST, PaymentWorld.request(TestCards.SUCCESS).amount(), CaptureMethod.AUTOMATIC,
                PaymentWorld.request(TestCards.SUCCESS).card(), Map.of(), Map.of(), null, null, null));

        PaymentOutcome retried = world.payments.pay(PaymentWorld.MERCHANT_A, transactionId,
                PaymentWorld.request(TestCards.SUCCESS));

        assertEquals(charged.gatewayTransactionId(), retried.transaction().gatewayTransactionId());
        assertEquals(TransactionStatus.COMPLETED, world.stored(transactionId).status());
        assertEquals(1, world.ledger.all().size(), "one authorisation at the gateway");
    }

    @Test
    void aPaymentWhoseGatewayLedgerCannotBeWrittenFailsRetryablyAndStoresNothing() {
        world.ledger.failNextRecordWith(new RetryableFailure("DynamoDB PutItem failed: throttled", null));

        assertThrows(RetryableFailure.class, () -> world.pay(TestCards.SUCCESS));

        assertTrue(world.transactions.all().isEmpty());
        assertTrue(world.ledger.all().isEmpty());
        assertTrue(world.queue.enqueued().isEmpty());
    }

    @Test
    void liveKeyIsRefusedAndNothingIsStored() {
        AuthenticatedKey live = new AuthenticatedKey("KeyLLLLLLLLLLLLL", "mch_A", Mode.LIVE);

        ApiException e = assertThrows(ApiException.class,
                () -> world.payments.pay(live, PaymentEngine.newTransactionId(), PaymentWorld.request(TestCards.SUCCESS)));

        assertEquals(ErrorCode.LIVE_MODE_NOT_ENABLED, e.code());
        assertTrue(world.transactions.all().isEmpty());
        assertTrue(world.queue.enqueued().isEmpty());
    }

    @Test
    void storedTransactionAndItsEventHoldNoCardNumberOrSecurityCode() {
        Transaction t = world.pay(TestCards.SUCCESS).transaction();
        WebhookEvent event = world.transactions.eventsFor(t.transactionId()).get(0);

        String everything = t.toString() + Json.write(event.data()) + event;
        assertFalse(everything.contains(TestCards.SUCCESS), everything);
        assertEquals("4242", t.card().last4());
        assertEquals(CardBrand.VISA, t.card().brand());
        assertEquals(12, t.card().expMonth());
        assertEquals(2030, t.card().expYear());
    }

    @Test
    void sameCardGetsTheSameFingerprintAndOtherCardsAnother() {
        String first = world.pay(TestCards.SUCCESS).transaction().card().fingerprint();
        String again = world.pay(TestCards.SUCCESS).transaction().card().fingerprint();
        String other = world.pay(TestCards.DECLINED).transaction().card().fingerprint();

        assertEquals(first, again);
        assertNotEquals(first, other);
        assertEquals(64, first.length());
    }

    @Test
    void everyPaymentGetsItsOwnUnguessableTransactionId() {
        String first = world.pay(TestCards.SUCCESS).transaction().transactionId();
        String second = world.pay(TestCards.SUCCESS).transaction().transactionId();

        assertNotEquals(first, second);
        assertTrue(first.matches("txn_[0-9A-Za-z]{24}"), first);
    }

    private void assertEventsOf(Transaction t, WebhookEventType type) {
        List<WebhookEvent> stored = world.transactions.eventsFor(t.transactionId());
        assertEquals(1, stored.size());
        assertEquals(type, stored.get(0).type());
        assertEquals(List.of(stored.get(0)), world.queue.enqueued(), "the stored event is the one queued");
    }
}
