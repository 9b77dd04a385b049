package com.circoflows.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.money.Money;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.payment.ClaimedChallengeStatus;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.SessionWorld;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionCheckoutServiceTest {
    private final SessionWorld world = new SessionWorld();
    private final SessionCheckoutService checkout = world.checkout;

    // --- paying -------------------------------------------------------------------------------

    @Test
    void approvedCardCompletesTheSessionWithItsTransactionAndAnnouncesPaymentSucceeded() {
        PaymentSession session = world.session();
        world.clock.advance(Duration.ofMinutes(3));

        CheckoutState state = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        CheckoutState.Paid paid = assertInstanceOf(CheckoutState.Paid.class, state);
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(stored, paid.page().session());
        assertEquals(PaymentWorld.MERCHANT_A_NAME, paid.page().merchantName());
        assertEquals(SessionStatus.COMPLETED, stored.status());
        assertEquals(TestClocks.NOW.plus(Duration.ofMinutes(3)), stored.completedAt());
        assertNull(stored.attemptTransactionId());
        assertNull(stored.attemptLeaseUntil());
        Transaction t = world.storedTransaction(stored.transactionId());
        assertEquals(TransactionStatus.COMPLETED, t.status());
        assertEquals(session.sessionId(), t.sessionId());
        assertEquals(Money.of(25000, "USD"), t.amount());
        assertEquals(List.of(t.transactionId()), world.gateway.authorized());
        WebhookEvent event = onlyEvent(t);
        assertEquals(WebhookEventType.PAYMENT_SUCCEEDED, event.type());
        assertEquals(session.sessionId(), event.data().get("session_id"));
        assertEquals(List.of(event), world.queue.enqueued());
    }

    @Test
    void aManualCaptureSessionIsPaidByAnAuthorisationTheMerchantCapturesLater() {
        NewPaymentSession manual = SessionWorld.referenceRequest(null);
        PaymentSession session = world.hostedPayments.create(PaymentWorld.MERCHANT_A, new NewPaymentSession(
                manual.amount(), manual.description(), manual.customerInfo(), manual.metadata(), manual.webhookUrl(),
                manual.returnUrl(), null, CaptureMethod.MANUAL));

        CheckoutState state = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertInstanceOf(CheckoutState.Paid.class, state);
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(SessionStatus.COMPLETED, stored.status());
        assertEquals(CaptureMethod.MANUAL, stored.captureMethod());
        Transaction t = world.storedTransaction(stored.transactionId());
        assertEquals(TransactionStatus.AUTHORIZED, t.status());
        assertEquals(CaptureMethod.MANUAL, t.captureMethod());
        assertEquals(WebhookEventType.PAYMENT_AUTHORIZED, onlyEvent(t).type());
    }

    @Test
    void sessionsTransactionTakesTheSessionsWebhookUrlMetadataAndCustomerInfoWithWhatTheCustomerTyped() {
        PaymentSession session = world.session();

        checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        Transaction t = world.storedTransaction(world.stored(session.sessionId()).transactionId());
        assertEquals(SessionWorld.WEBHOOK_URL, t.webhookUrl());
        assertEquals(session.metadata(), t.metadata());
        assertNull(t.returnUrl(), "the session's return URL is the page's business, not the transaction's");
        assertEquals(Map.of("name", "Jane Q. Smith", "email", "jane.q@example.com", "phone", "+1234567890"),
                t.customerInfo());
        assertEquals(SessionWorld.WEBHOOK_URL, onlyEvent(t).targetUrl());
    }

    @Test
    void blankOrCardLikeCardholderFieldsAreNotStoredOverThePrefilledInfo() {
        PaymentSession session = world.session();
        CheckoutForm form = new CheckoutForm(SessionWorld.form(TestCards.SUCCESS).card(), "  ", TestCards.SUCCESS);

        checkout.pay(session.sessionId(), form);

        Transaction t = world.storedTransaction(world.stored(session.sessionId()).transactionId());
        assertEquals("Jane Smith", t.customerInfo().get("name"));
        assertEquals("jane@example.com", t.customerInfo().get("email"));
    }

    @Test
    void declinedCardLeavesTheSessionPayableWithTheReasonAndAnnouncesPaymentFailed() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.DECLINED));

        CheckoutState.AwaitingPayment awaiting = assertInstanceOf(CheckoutState.AwaitingPayment.class, state);
        assertEquals(ErrorCode.CARD_DECLINED, awaiting.lastFailure().code());
        assertEquals("generic_decline", awaiting.lastFailure().declineCode());
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(SessionStatus.PENDING, stored.status());
        assertNull(stored.attemptTransactionId());
        assertNull(stored.attemptLeaseUntil(), "the lease is given back at once");
        assertEquals(awaiting.lastFailure(), stored.lastFailure());
        Transaction failed = world.transactions.all().get(0);
        assertEquals(TransactionStatus.FAILED, failed.status());
        assertEquals(session.sessionId(), failed.sessionId());
        assertEquals(WebhookEventType.PAYMENT_FAILED, onlyEvent(failed).type());
        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(session.sessionId()));
        assertEquals(ErrorCode.CARD_DECLINED,
                ((CheckoutState.AwaitingPayment) checkout.open(session.sessionId())).lastFailure().code());
    }

    @Test
    void afterADeclineAnotherCardPaysTheSession() {
        PaymentSession session = world.session();
        checkout.pay(session.sessionId(), SessionWorld.form(TestCards.INSUFFICIENT_FUNDS));

        CheckoutState state = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertInstanceOf(CheckoutState.Paid.class, state);
        PaymentSession stored = world.stored(session.sessionId());
        assertNull(stored.lastFailure());
        assertEquals(2, world.transactions.all().size());
        assertEquals(TransactionStatus.COMPLETED, world.storedTransaction(stored.transactionId()).status());
    }

    @Test
    void cardBlockedByFraudRulesNeverReachesTheGatewayAndTheSessionStaysPayable() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.BLOCKED_BY_FRAUD_RULES));

        CheckoutState.AwaitingPayment awaiting = assertInstanceOf(CheckoutState.AwaitingPayment.class, state);
        assertEquals("fraudulent", awaiting.lastFailure().declineCode());
        assertTrue(world.gateway.authorized().isEmpty());
    }

    @Test
    void processingErrorLeavesTheSessionPayableAndSaysSo() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.PROCESSING_ERROR));

        assertEquals(ErrorCode.PROCESSING_ERROR,
                assertInstanceOf(CheckoutState.AwaitingPayment.class, state).lastFailure().code());
    }

    @Test
    void unknownSessionIsSessionNotFound() {
        ApiException e = assertThrows(ApiException.class,
                () -> checkout.pay("sess_ABCDEFGHIJKLMNOPQRSTUVWX", SessionWorld.form(TestCards.SUCCESS)));

        assertEquals(ErrorCode.SESSION_NOT_FOUND, e.code());
        assertEquals(ErrorCode.SESSION_NOT_FOUND,
                assertThrows(ApiException.class, () -> checkout.open("sess_nope")).code());
    }

    @Test
    void paidSessionIsNeverChargedAgain() {
        PaymentSession session = world.session();
        checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        CheckoutState again = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertInstanceOf(CheckoutState.Paid.class, again);
        assertEquals(1, world.gateway.authorized().size());
        assertEquals(1, world.transactions.all().size());
    }

    @Test
    void cancelledAndExpiredSessionsAreClosedAndChargeNothing() {
        PaymentSession cancelled = world.session();
        world.hostedPayments.cancel(SessionWorld.MERCHANT_A, cancelled.sessionId());
        PaymentSession expiring = world.session();
        world.clock.set(expiring.expiresAt());

        CheckoutState first = checkout.pay(cancelled.sessionId(), SessionWorld.form(TestCards.SUCCESS));
        CheckoutState second = checkout.pay(expiring.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertEquals(SessionStatus.CANCELLED, assertInstanceOf(CheckoutState.Closed.class, first).page().session().status());
        assertEquals(SessionStatus.EXPIRED, assertInstanceOf(CheckoutState.Closed.class, second).page().session().status());
        assertEquals(SessionStatus.EXPIRED, world.stored(expiring.sessionId()).status(), "expired on open, and stored");
        assertTrue(world.gateway.authorized().isEmpty());
    }

    @Test
    void openingAPendingSessionShowsTheFormWithTheMerchantsName() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.open(session.sessionId());

        CheckoutState.AwaitingPayment awaiting = assertInstanceOf(CheckoutState.AwaitingPayment.class, state);
        assertNull(awaiting.lastFailure());
        assertEquals(session, awaiting.page().session());
        assertEquals(PaymentWorld.MERCHANT_A_NAME, awaiting.page().merchantName());
    }

    // --- at most once -------------------------------------------------------------------------

    @Test
    void secondTabSubmittingWhileTheCardIsBeingChargedGetsInProgressAndChargesNothing() {
        PaymentSession session = world.session();
        List<CheckoutState> secondTab = new ArrayList<>();
        world.gateway.duringNextAuthorization(authorization -> {
            secondTab.add(checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));
            secondTab.add(checkout.open(session.sessionId()));
        });

        CheckoutState firstTab = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertInstanceOf(CheckoutState.Paid.class, firstTab);
        assertInstanceOf(CheckoutState.InProgress.class, secondTab.get(0));
        assertInstanceOf(CheckoutState.InProgress.class, secondTab.get(1));
        assertEquals(1, world.gateway.authorized().size());
        assertEquals(1, world.transactions.all().size());
    }

    @Test
    void manyTabsSubmittingAtTheSameMomentChargeTheCardExactlyOnce() throws Exception {
        PaymentSession session = world.session();
        int tabs = 12;
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CheckoutState>> results = new ArrayList<>();
        try {
            for (int i = 0; i < tabs; i++) {
                Callable<CheckoutState> tab = () -> {
                    start.await();
                    return checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));
                };
                results.add(pool.submit(tab));
            }
            start.countDown();
            List<CheckoutState> states = new ArrayList<>();
            for (Future<CheckoutState> result : results) {
                states.add(result.get(20, TimeUnit.SECONDS));
            }

            assertEquals(1, world.gateway.authorized().size(), "one authorisation: " + states);
            assertEquals(1, world.transactions.all().size());
            assertEquals(1, world.sessions.commits());
            assertTrue(states.stream().allMatch(s -> s instanceof CheckoutState.Paid
                    || s instanceof CheckoutState.InProgress), states.toString());
            assertTrue(states.stream().anyMatch(s -> s instanceof CheckoutState.Paid));
            assertEquals(SessionStatus.COMPLETED, world.stored(session.sessionId()).status());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void crashBetweenTheGatewayAndTheWriteLeavesTheSessionPayableOnceTheLeaseRunsOutAndTheOrphanIsVoided() {
        PaymentSession session = world.session();
        world.sessions.beforeNextCommit(() -> {
            throw new Error("the invocation died before its write");
        });

        assertThrows(Error.class, () -> checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));
        String orphan = world.gateway.authorized().get(0);
        assertTrue(world.transactions.all().isEmpty(), "nothing half-written");
        assertInstanceOf(CheckoutState.InProgress.class, checkout.open(session.sessionId()), "until the lease runs out");
        world.clock.advance(SessionCheckoutService.LEASE);

        CheckoutState reopened = checkout.open(session.sessionId());
        CheckoutState paid = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertInstanceOf(CheckoutState.AwaitingPayment.class, reopened);
        assertInstanceOf(CheckoutState.Paid.class, paid);
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(1, world.transactions.all().size(), "the orphaned authorisation is never recorded");
        assertTrue(!stored.transactionId().equals(orphan));
        assertOrphanVoidedAndPaymentCharged(orphan, stored.transactionId());
    }

    @Test
    void aSessionWriteThatFailsGivesTheSessionBackAtOnceAndTheOrphanedAuthorisationIsVoided() {
        PaymentSession session = world.session();
        world.sessions.failCommitsWith(new RetryableFailure("DynamoDB TransactWriteItems failed", null));

        assertThrows(RetryableFailure.class, () -> checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));
        world.sessions.failCommitsWith(null);
        String orphan = world.gateway.authorized().get(0);

        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(session.sessionId()), "no lease to wait out");
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));
        assertOrphanVoidedAndPaymentCharged(orphan, world.stored(session.sessionId()).transactionId());
    }

    /** Once reconciliation has run, the customer is charged by the session's payment only. */
    private void assertOrphanVoidedAndPaymentCharged(String orphan, String paid) {
        world.clock.advance(AuthorizationReconciler.GRACE.plusSeconds(1));
        new AuthorizationReconciler(world.ledger, world.transactions, world.clock, AuthorizationReconciler.GRACE)
                .reconcile();
        assertEquals(AuthorizationState.VOIDED, world.ledger.find(orphan).orElseThrow().state());
        assertEquals(AuthorizationState.CHARGED, world.ledger.find(paid).orElseThrow().state());
    }

    @Test
    void chargeThatOutlivesItsLeaseIsNotRecordedAndTheSessionIsPaidOnce() {
        PaymentSession session = world.session();
        List<CheckoutState> takeover = new ArrayList<>();
        world.gateway.duringNextAuthorization(authorization -> {
            world.clock.advance(SessionCheckoutService.LEASE.plusSeconds(1));
            takeover.add(checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));
        });

        CheckoutState slow = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertInstanceOf(CheckoutState.Paid.class, takeover.get(0));
        assertInstanceOf(CheckoutState.Paid.class, slow, "the slow tab sees the session paid by the other");
        assertEquals(2, world.gateway.authorized().size());
        assertEquals(1, world.transactions.all().size(), "only the charge whose write won is recorded");
        assertEquals(world.gateway.authorized().get(1), world.stored(session.sessionId()).transactionId());
    }

    @Test
    void gatewayFailureGivesTheLeaseBackAtOnce() {
        PaymentSession session = world.session();
        world.gateway.duringNextAuthorization(authorization -> {
            throw new RetryableFailure("gateway unreachable", null);
        });

        assertThrows(RetryableFailure.class, () -> checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));

        PaymentSession stored = world.stored(session.sessionId());
        assertNull(stored.attemptLeaseUntil());
        assertNull(stored.attemptTransactionId());
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));
    }

    // --- 3-D Secure ---------------------------------------------------------------------------

    @Test
    void cardNeedingThreeDSecureSendsTheCustomerToTheChallengeAndKeepsTheAttempt() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.THREE_D_SECURE_REQUIRED));

        CheckoutState.ChallengeRequired challenge = assertInstanceOf(CheckoutState.ChallengeRequired.class, state);
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(challenge.transactionId(), stored.attemptTransactionId());
        assertNull(stored.attemptLeaseUntil());
        assertEquals(SessionStatus.PENDING, stored.status());
        Transaction t = world.storedTransaction(challenge.transactionId());
        assertTrue(t.awaitsChallenge());
        assertEquals(session.sessionId(), t.sessionId());
        assertEquals(WebhookEventType.PAYMENT_PENDING, onlyEvent(t).type());
        assertEquals(challenge, checkout.open(session.sessionId()));
    }

    @Test
    void submittingAgainWhileTheChallengeAwaitsChargesNothingNew() {
        PaymentSession session = world.session();
        CheckoutState first = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.THREE_D_SECURE_REQUIRED));

        CheckoutState again = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertEquals(first, again);
        assertEquals(1, world.gateway.authorized().size());
    }

    @Test
    void passedChallengeIsCompletedThroughTheGatewayWhenThePageOpensAndOnlyOnce() {
        PaymentSession session = world.session();
        String txn = challengeTaken(session, true);
        world.clock.advance(Duration.ofMinutes(1));

        CheckoutState state = checkout.open(session.sessionId());
        CheckoutState again = checkout.open(session.sessionId());

        assertInstanceOf(CheckoutState.Paid.class, state);
        assertInstanceOf(CheckoutState.Paid.class, again);
        Transaction t = world.storedTransaction(txn);
        assertEquals(TransactionStatus.COMPLETED, t.status());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, t.threeDSecure());
        assertEquals(List.of(t.gatewayTransactionId()), world.gateway.completed());
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(SessionStatus.COMPLETED, stored.status());
        assertEquals(txn, stored.transactionId());
        assertEquals(TestClocks.NOW.plus(Duration.ofMinutes(1)), stored.completedAt());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_SUCCEEDED),
                world.transactions.eventsFor(txn).stream().map(WebhookEvent::type).toList());
        assertEquals(session.sessionId(), world.transactions.eventsFor(txn).get(1).data().get("session_id"));
    }

    @Test
    void failedChallengeShowsWhyAndAnotherCardMayPay() {
        PaymentSession session = world.session();
        challengeTaken(session, false);

        CheckoutState state = checkout.open(session.sessionId());

        CheckoutState.AwaitingPayment awaiting = assertInstanceOf(CheckoutState.AwaitingPayment.class, state);
        assertEquals(ErrorCode.THREE_D_SECURE_FAILED, awaiting.lastFailure().code());
        assertNull(world.stored(session.sessionId()).attemptTransactionId());
        assertTrue(world.gateway.completed().isEmpty(), "a failed challenge never reaches the gateway");
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));
    }

    @Test
    void issuerDecliningAfterThePassedChallengeLeavesTheSessionPayable() {
        PaymentSession session = world.session();
        String txn = challengeTaken(session, true);
        world.gateway.answerCompletionsWith(id -> new GatewayResult.Declined(id, ErrorCode.INSUFFICIENT_FUNDS,
                "insufficient_funds", ErrorCode.INSUFFICIENT_FUNDS.defaultMessage()));

        CheckoutState state = checkout.open(session.sessionId());

        assertEquals(ErrorCode.INSUFFICIENT_FUNDS,
                assertInstanceOf(CheckoutState.AwaitingPayment.class, state).lastFailure().code());
        assertEquals(TransactionStatus.FAILED, world.storedTransaction(txn).status());
        assertEquals(WebhookEventType.PAYMENT_FAILED, world.transactions.eventsFor(txn).get(1).type());
    }

    @Test
    void gatewayProcessingErrorOnCompletionIsRetriedOnTheNextOpen() {
        PaymentSession session = world.session();
        String txn = challengeTaken(session, true);
        world.gateway.answerCompletionsWith(id -> new GatewayResult.ProcessingError(id, "try again"));

        ApiException e = assertThrows(ApiException.class, () -> checkout.open(session.sessionId()));

        assertEquals(ErrorCode.PROCESSING_ERROR, e.code());
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(txn, stored.attemptTransactionId());
        assertNull(stored.attemptLeaseUntil(), "the lease is given back");
        assertEquals(TransactionStatus.PENDING, world.storedTransaction(txn).status());
        world.gateway.answerCompletionsWith(null);
        assertInstanceOf(CheckoutState.Paid.class, checkout.open(session.sessionId()));
        assertEquals(2, world.gateway.completed().size());
    }

    @Test
    void merchantCannotConfirmASessionsPaymentSoACancelledSessionIsNeverCharged() {
        PaymentSession session = world.session();
        String txn = challengeTaken(session, true);
        Transaction t = world.storedTransaction(txn);
        world.hostedPayments.cancel(SessionWorld.MERCHANT_A, session.sessionId());

        ApiException e = assertThrows(ApiException.class, () -> world.threeDSecure.confirm(SessionWorld.MERCHANT_A,
                txn, ClaimedChallengeStatus.SUCCESS, t.gatewayTransactionId()));

        assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, e.code());
        assertTrue(e.getMessage().contains(session.sessionId()), e.getMessage());
        assertTrue(world.gateway.completed().isEmpty(), "nothing charged");
        assertEquals(TransactionStatus.PENDING, world.storedTransaction(txn).status());
    }

    @Test
    void sessionCancelledDuringTheChallengeIsClosedAndItsPaymentNeverCompleted() {
        PaymentSession session = world.session();
        String txn = challengeTaken(session, true);
        world.hostedPayments.cancel(SessionWorld.MERCHANT_A, session.sessionId());

        CheckoutState state = checkout.open(session.sessionId());

        assertInstanceOf(CheckoutState.Closed.class, state);
        assertTrue(world.gateway.completed().isEmpty());
        assertEquals(TransactionStatus.PENDING, world.storedTransaction(txn).status());
    }

    /** Pays with the 3-D Secure card and answers the challenge; returns the transaction id. */
    private String challengeTaken(PaymentSession session, boolean passed) {
        CheckoutState state = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.THREE_D_SECURE_REQUIRED));
        String txn = assertInstanceOf(CheckoutState.ChallengeRequired.class, state).transactionId();
        world.challenges.recordChallenge(txn, passed);
        return txn;
    }

    private WebhookEvent onlyEvent(Transaction t) {
        List<WebhookEvent> events = world.transactions.eventsFor(t.transactionId());
        assertEquals(1, events.size(), events.toString());
        assertNotNull(events.get(0));
        return events.get(0);
    }
}
