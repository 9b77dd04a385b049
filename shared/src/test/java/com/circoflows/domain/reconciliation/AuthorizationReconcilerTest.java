package com.circoflows.domain.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayAuthorization;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.gateway.TestModeCardGateway;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.DirectPaymentService;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.risk.FraudScreen;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.InMemoryGatewayLedger;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.InMemoryRiskSettingsRepository;
import com.circoflows.testing.InMemoryTransactionRepository;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.RecordingWebhookJobQueue;
import com.circoflows.testing.TestCardData;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class AuthorizationReconcilerTest {
    private static final Duration GRACE = AuthorizationReconciler.GRACE;

    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryGatewayLedger ledger = new InMemoryGatewayLedger();
    private final InMemoryTransactionRepository transactions = new InMemoryTransactionRepository();
    private final CardGateway gateway = new TestModeCardGateway(ledger, clock);
    private final DirectPaymentService payments = new DirectPaymentService(
            new PaymentEngine(gateway, FraudScreen.standard(TestCardData.fingerprinter(), new InMemoryRateLimitCounter(),
                    new InMemoryRiskSettingsRepository()), TestCardData.fingerprinter(), clock),
            new TransactionWriter(transactions, new RecordingWebhookJobQueue(), merchantId -> true, clock));
    private final AuthorizationReconciler reconciler = new AuthorizationReconciler(ledger, transactions, clock, GRACE);

    @Test
    void anAuthorisationWithoutATransactionIsVoidedOnceItsGraceHasPassedAndLoggedWithoutCardData() {
        String orphan = authorizeWithoutRecording(TestCards.SUCCESS);

        clock.advance(GRACE.minusMillis(1));
        assertEquals(new AuthorizationReconciler.Reconciliation(0, 0), reconciler.reconcile());
        clock.advance(Duration.ofMillis(2));
        AuthorizationReconciler.Reconciliation done;
        String log;
        try (CapturedLog captured = CapturedLog.start()) {
            done = reconciler.reconcile();
            log = captured.text();
        }

        assertEquals(new AuthorizationReconciler.Reconciliation(0, 1), done);
        assertEquals(AuthorizationState.VOIDED, ledger.find(orphan).orElseThrow().state());
        assertTrue(log.contains("\"event\":\"orphaned_authorization_voided\""), log);
        assertTrue(log.contains("\"transaction_id\":\"" + orphan + "\""), log);
        assertTrue(log.contains("\"amount\":15000") && log.contains("\"currency\":\"USD\""), log);
        assertTrue(log.contains("\"merchant_id\":\"" + PaymentWorld.MERCHANT_A.merchantId() + "\""), log);
        assertFalse(log.contains(TestCards.SUCCESS) || log.contains("4242"), log);
    }

    @Test
    void anAuthorisationWithItsTransactionIsReconciledAndNeverLookedAtAgain() {
        String recorded = payments.pay(PaymentWorld.MERCHANT_A, PaymentEngine.newTransactionId(),
                PaymentWorld.request(TestCards.SUCCESS)).transaction().transactionId();
        clock.advance(GRACE.plusSeconds(1));

        assertEquals(new AuthorizationReconciler.Reconciliation(1, 0), reconciler.reconcile());
        assertEquals(new AuthorizationReconciler.Reconciliation(0, 0), reconciler.reconcile());
        assertEquals(AuthorizationState.CHARGED, ledger.find(recorded).orElseThrow().state());
    }

    @Test
    void aThreeDSecureAuthorisationNobodyRecordedIsVoidedSoItCanNeverBeCompleted() {
        String orphan = authorizeWithoutRecording(TestCards.THREE_D_SECURE_REQUIRED);
        clock.advance(GRACE.plusSeconds(1));

        reconciler.reconcile();

        AuthorizationRecord voided = ledger.find(orphan).orElseThrow();
        assertEquals(AuthorizationState.VOIDED, voided.state());
        assertInstanceOf(GatewayResult.ProcessingError.class,
                gateway.completeThreeDSecure(orphan, voided.gatewayTransactionId()));
    }

    @Test
    void declinesChargeNothingAndAreNotReconciled() {
        authorizeWithoutRecording(TestCards.DECLINED);
        clock.advance(GRACE.plusSeconds(1));

        assertEquals(new AuthorizationReconciler.Reconciliation(0, 0), reconciler.reconcile());
    }

    @Test
    void aRetryAnsweredFromTheLedgerRestartsTheGraceSoTheRetrysWriteIsNotRacedByAVoid() {
        String transactionId = PaymentEngine.newTransactionId();
        authorize(transactionId, TestCards.SUCCESS);
        clock.advance(GRACE.minusSeconds(10));
        authorize(transactionId, TestCards.SUCCESS);
        clock.advance(Duration.ofSeconds(20));

        assertEquals(new AuthorizationReconciler.Reconciliation(0, 0), reconciler.reconcile());
        clock.advance(GRACE);
        assertEquals(new AuthorizationReconciler.Reconciliation(0, 1), reconciler.reconcile());
    }

    @Test
    void oneAuthorisationThatCannotBeCheckedIsLeftForTheNextPassWhileTheOthersAreReconciled() {
        String orphan = authorizeWithoutRecording(TestCards.SUCCESS);
        clock.advance(GRACE.plusSeconds(1));
        transactions.failFindsWith(new RetryableFailure("DynamoDB GetItem failed: throttled", null));

        try (CapturedLog captured = CapturedLog.start()) {
            assertEquals(new AuthorizationReconciler.Reconciliation(0, 0), reconciler.reconcile());
            assertTrue(captured.text().contains("authorization_reconciliation_failed"), captured.text());
        }
        assertEquals(AuthorizationState.CHARGED, ledger.find(orphan).orElseThrow().state());

        transactions.failFindsWith(null);
        assertEquals(new AuthorizationReconciler.Reconciliation(0, 1), reconciler.reconcile());
    }

    /** The gateway authorised, and the request died before writing the transaction. */
    private String authorizeWithoutRecording(String pan) {
        String transactionId = PaymentEngine.newTransactionId();
        authorize(transactionId, pan);
        return transactionId;
    }

    private void authorize(String transactionId, String pan) {
        gateway.authorize(new GatewayAuthorization(transactionId, PaymentWorld.MERCHANT_A.merchantId(), Mode.TEST,
                Money.of(15000, "USD"), TestCardData.card(pan)));
    }
}
