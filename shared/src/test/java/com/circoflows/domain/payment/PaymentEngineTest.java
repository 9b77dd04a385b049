package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.risk.FraudScreen;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.InMemoryRiskSettingsRepository;
import com.circoflows.testing.ScriptedCardGateway;
import com.circoflows.testing.TestCardData;
import com.circoflows.testing.TestClocks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentEngineTest {
    /** Not in the test card table: the counting fraud rules screen it in test mode as a real card. */
    private static final String ORDINARY_CARD = "5555555555554444";
    private static final String TXN = "txn_ABCDEFGHIJKLMNOPQRSTUVWX";
    private static final String SESSION = "sess_ABCDEFGHIJKLMNOPQRSTUVWX";
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";

    private final ScriptedCardGateway gateway = new ScriptedCardGateway();
    private final InMemoryRateLimitCounter riskCounters = new InMemoryRateLimitCounter();
    private final InMemoryRiskSettingsRepository riskSettings = new InMemoryRiskSettingsRepository();
    private final PaymentEngine engine = new PaymentEngine(gateway,
            FraudScreen.standard(TestCardData.fingerprinter(), riskCounters, riskSettings),
            TestCardData.fingerprinter(), TestClocks.fixed());

    private static PaymentEngine.Charge charge(String pan, Mode mode) {
        return charge(pan, mode, 25000);
    }

    private static PaymentEngine.Charge charge(String pan, Mode mode, long amount) {
        return charge(TXN, pan, mode, amount);
    }

    private static PaymentEngine.Charge charge(String transactionId, String pan, Mode mode, long amount) {
        return new PaymentEngine.Charge(transactionId, MERCHANT, mode, Money.of(amount, "USD"),
                CaptureMethod.AUTOMATIC, TestCardData.card(pan), Map.of("name", "Jane Smith"), Map.of("plan", "annual"),
                "https://merchant.example/hooks", null, SESSION);
    }

    @Test
    void chargeReturnsTheDecidedTransactionUnderTheGivenIdCarryingTheSession() {
        Transaction t = engine.charge(charge(TestCards.SUCCESS, Mode.TEST));

        assertEquals(TXN, t.transactionId());
        assertEquals(SESSION, t.sessionId());
        assertEquals(TransactionStatus.COMPLETED, t.status());
        assertEquals(1, t.version(), "not stored yet: the caller writes version 1");
        assertEquals(Money.of(25000, "USD"), t.amount());
        assertEquals(Map.of("name", "Jane Smith"), t.customerInfo());
        assertEquals("https://merchant.example/hooks", t.webhookUrl());
        assertNull(t.returnUrl());
        assertEquals("4242", t.card().last4());
        assertEquals(1, gateway.authorizations());
    }

    @Test
    void threeDSecureCardIsPendingWithoutProcessedAt() {
        Transaction t = engine.charge(charge(TestCards.THREE_D_SECURE_REQUIRED, Mode.TEST));

        assertTrue(t.awaitsChallenge());
        assertNull(t.processedAt());
    }

    @Test
    void blockedCardFailsWithoutReachingTheGateway() {
        Transaction t = engine.charge(charge(TestCards.BLOCKED_BY_FRAUD_RULES, Mode.TEST));

        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals("fraudulent", t.failure().declineCode());
        assertNull(t.gatewayTransactionId());
        assertEquals(0, gateway.authorizations());
    }

    @Test
    void theBlockedCardsTransactionCarriesTheRuleThatBlockedIt() {
        Transaction t = engine.charge(charge(TestCards.BLOCKED_BY_FRAUD_RULES, Mode.TEST));

        assertEquals(new RiskAssessment(100, List.of("blocked_card"), true), t.risk());
        assertEquals(ErrorCode.CARD_DECLINED, t.failure().code());
        assertEquals("Your card was declined.", t.failure().message());
    }

    @Test
    void aPaymentTheRulesLetThroughCarriesItsRiskToo() {
        Transaction t = engine.charge(charge(TestCards.SUCCESS, Mode.TEST));

        assertEquals(new RiskAssessment(0, List.of(), false), t.risk());
    }

    @Test
    void aCardPastItsVelocityLimitIsDeclinedAsFraudulentWithoutReachingTheGateway() {
        riskSettings.replace(MERCHANT, RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 1));
        engine.charge(charge(ORDINARY_CARD, Mode.TEST));

        Transaction second = engine.charge(charge(ORDINARY_CARD, Mode.TEST));

        assertEquals(TransactionStatus.FAILED, second.status());
        assertEquals("fraudulent", second.failure().declineCode());
        assertNull(second.gatewayTransactionId());
        assertEquals(new RiskAssessment(100, List.of("card_velocity"), true), second.risk());
        assertEquals(1, gateway.authorizations());
    }

    @Test
    void smallIssuerDeclinesAreCountedForTheCardTestingRuleButProcessingErrorsAreNot() {
        riskSettings.replace(MERCHANT, RiskSettings.DEFAULTS.with(RiskSetting.CARD_TESTING_DECLINES, 1));
        // Each attempt is a new payment: the gateway answers a transaction id it knows with its first answer.
        engine.charge(charge("txn_processingError000000001", TestCards.PROCESSING_ERROR, Mode.TEST, 100));
        assertEquals("generic_decline",
                engine.charge(charge("txn_declined0000000000000001", TestCards.DECLINED, Mode.TEST, 100))
                        .failure().declineCode(),
                "the processing error was not counted: the decline reached the gateway");

        Transaction next = engine.charge(charge("txn_afterTheDecline000000001", ORDINARY_CARD, Mode.TEST, 100));

        assertEquals(List.of("card_testing"), next.risk().rulesHit());
        assertEquals("fraudulent", next.failure().declineCode());
        assertEquals(2, gateway.authorizations());
    }

    @Test
    void whenTheFraudScreenCannotRunTheCardIsNotCharged() {
        PaymentEngine unscreened = new PaymentEngine(gateway,
                FraudScreen.standard(TestCardData.fingerprinter(), riskCounters, merchantId -> {
                    throw new RetryableFailure("DynamoDB GetItem failed", null);
                }), TestCardData.fingerprinter(), TestClocks.fixed());

        assertThrows(RetryableFailure.class, () -> unscreened.charge(charge(TestCards.SUCCESS, Mode.TEST)));
        assertEquals(0, gateway.authorizations());
    }

    @Test
    void liveModeIsRefusedBeforeTheGateway() {
        ApiException e = assertThrows(ApiException.class, () -> engine.charge(charge(TestCards.SUCCESS, Mode.LIVE)));

        assertEquals(ErrorCode.LIVE_MODE_NOT_ENABLED, e.code());
        assertEquals(0, gateway.authorizations());
    }

    @Test
    void chargeNeverPrintsTheCardNumber() {
        assertTrue(!charge(TestCards.SUCCESS, Mode.TEST).toString().contains(TestCards.SUCCESS));
    }
}
