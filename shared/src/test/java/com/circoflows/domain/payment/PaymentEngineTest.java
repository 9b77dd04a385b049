package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.risk.FraudScreen;
import com.circoflows.testing.ScriptedCardGateway;
import com.circoflows.testing.TestCardData;
import com.circoflows.testing.TestClocks;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentEngineTest {
    private static final String TXN = "txn_ABCDEFGHIJKLMNOPQRSTUVWX";
    private static final String SESSION = "sess_ABCDEFGHIJKLMNOPQRSTUVWX";

    private final ScriptedCardGateway gateway = new ScriptedCardGateway();
    private final PaymentEngine engine = new PaymentEngine(gateway, new FraudScreen(), TestCardData.fingerprinter(),
            TestClocks.fixed());

    private static PaymentEngine.Charge charge(String pan, Mode mode) {
        return new PaymentEngine.Charge(TXN, "mch_AAAAAAAAAAAAAAAAAAAA", mode, Money.of(25000, "USD"),
                TestCardData.card(pan), Map.of("name", "Jane Smith"), Map.of("plan", "annual"),
                "https://merchant.example/hooks", null, SESSION);
    }

    @Test
    void chargeReturnsTheDecidedTransactionUnderTheGivenIdCarryingTheSession() {
        Transaction t = engine.charge(charge(TestCards.SUCCESS, Mode.TEST));

        assertEquals(TXN, t.transactionId());
        assertEquals(SESSION, t.sessionId());
        assertEquals(TransactionStatus.COMPLETED, t.status());
        assertEquals(1, t.version(), "not stored yet: the caller writes version 1");
        assertEquals(25000, t.amount());
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
