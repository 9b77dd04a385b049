package com.circoflows.functions.paymentpage;

import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_BEFORE;
import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerTestEnvironment;
import com.circoflows.testsupport.HandlerTestEnvironment.NewMerchant;
import com.circoflows.testsupport.SimulatedCrash;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paying a hosted session while DynamoDB fails, through what PaymentPageFunction pays with (its wiring's
 * SessionCheckoutService, the page's own logic without the HTML): the customer can pay again, and once
 * reconciliation has run they are charged exactly once.
 */
class PaymentPageFaultsIT {
    private static final String FUNCTION = "PaymentPageFunction";
    private static HandlerTestEnvironment environment;

    private FaultyStack stack;
    private SessionCheckoutService checkout;
    private NewMerchant merchant;
    private String sessionId;

    @BeforeAll
    static void startStack() {
        environment = HandlerTestEnvironment.start();
    }

    @AfterAll
    static void stopStack() {
        if (environment != null) {
            environment.close();
        }
    }

    @BeforeEach
    void sessionOfANewMerchant() {
        stack = new FaultyStack(environment);
        checkout = stack.wiring(FUNCTION).sessionCheckout();
        merchant = environment.newMerchant("Page faults " + System.nanoTime());
        sessionId = environment.createSession(merchant.apiKey());
    }

    @Test
    void crashBetweenGatewayAndSessionWriteThenThePaymentAfterTheLeaseIsTheOnlyCharge() {
        stack.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, () -> checkout.pay(sessionId, form(TestCards.SUCCESS)));
        stack.assertFaultsFired();
        String orphan = stack.onlyAuthorizationOf(merchant.merchantId()).transactionId();
        assertEquals(List.of(), stack.transactionsOf(merchant.merchantId()), "nothing half-written");
        assertInstanceOf(CheckoutState.InProgress.class, checkout.open(sessionId), "the dead attempt's lease");
        stack.clock().advance(SessionCheckoutService.LEASE);

        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(sessionId));
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(sessionId, form(TestCards.SUCCESS)));

        assertChargedOnlyByTheSessionsPayment(orphan);
    }

    @Test
    void throttledSessionWriteGivesTheSessionBackAtOnceAndTheNextPaymentIsTheOnlyCharge() {
        stack.faults().inject(THROTTLED, "TransactWriteItems");

        assertThrows(RetryableFailure.class, () -> checkout.pay(sessionId, form(TestCards.SUCCESS)));
        stack.assertFaultsFired();
        String orphan = stack.onlyAuthorizationOf(merchant.merchantId()).transactionId();

        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(sessionId), "no lease to wait out");
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(sessionId, form(TestCards.SUCCESS)));

        assertChargedOnlyByTheSessionsPayment(orphan);
    }

    @Test
    void crashAfterTheGatewayCompletedASessionsChallengeThenTheNextOpenFinishesItWithoutChargingAgain() {
        CheckoutState challenge = checkout.pay(sessionId, form(TestCards.THREE_D_SECURE_REQUIRED));
        String transactionId = assertInstanceOf(CheckoutState.ChallengeRequired.class, challenge).transactionId();
        environment.recordChallenge(transactionId, true);
        stack.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, () -> checkout.open(sessionId));
        stack.assertFaultsFired();
        assertEquals(AuthorizationState.CHARGED, stack.onlyAuthorizationOf(merchant.merchantId()).state());
        stack.clock().advance(SessionCheckoutService.LEASE);

        assertInstanceOf(CheckoutState.Paid.class, checkout.open(sessionId));

        AuthorizationRecord charged = stack.onlyAuthorizationOf(merchant.merchantId());
        assertEquals(transactionId, charged.transactionId());
        assertEquals(AuthorizationState.CHARGED, charged.state());
        assertEquals(transactionId, environment.storedSession(sessionId).transactionId());
    }

    /** After reconciliation: the dead attempt's authorisation is voided, the session's payment is charged. */
    private void assertChargedOnlyByTheSessionsPayment(String orphan) {
        String paid = environment.storedSession(sessionId).transactionId();
        assertNotEquals(orphan, paid);
        assertEquals(paid, stack.onlyTransactionOf(merchant.merchantId()).transactionId());
        stack.clock().advance(AuthorizationReconciler.GRACE.plusSeconds(1));
        stack.reconcile();
        List<AuthorizationRecord> standing = stack.notVoidedAuthorizationsOf(merchant.merchantId());
        assertEquals(1, standing.size(), standing.toString());
        assertEquals(paid, standing.get(0).transactionId());
        assertEquals(2, stack.authorizationsOf(merchant.merchantId()).size(), "the orphan, voided");
    }

    private static CheckoutForm form(String pan) {
        return new CheckoutForm(CardDetails.validate(pan, "12", "2030", "123", Clock.systemUTC()), "Jane Smith",
                "jane@example.com");
    }
}
