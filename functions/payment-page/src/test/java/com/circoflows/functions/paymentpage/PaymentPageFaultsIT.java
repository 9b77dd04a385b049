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
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.circoflows.testsupport.SimulatedCrash;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paying a hosted session while DynamoDB fails, through what PaymentPageFunction pays with (its wiring's
 * SessionCheckoutService, the page's own logic without the HTML): the customer can pay again, and once
 * reconciliation has run they are charged exactly once.
 */
@ExtendWith(HandlerStackExtension.class)
class PaymentPageFaultsIT {
    private static final String FUNCTION = "PaymentPageFunction";
    private static HandlerStack stack;

    private FaultyStack faulty;
    private SessionCheckoutService checkout;
    private NewMerchant merchant;
    private String sessionId;

    @BeforeAll
    static void useTheSharedStack(HandlerStack shared) {
        stack = shared;
    }

    @BeforeEach
    void sessionOfANewMerchant() {
        faulty = new FaultyStack(stack);
        checkout = faulty.wiring(FUNCTION).sessions().sessionCheckoutService();
        merchant = stack.merchants().newMerchant("Page faults " + System.nanoTime());
        sessionId = stack.sessions().createSession(merchant.apiKey());
    }

    @Test
    void crashBetweenGatewayAndSessionWriteThenThePaymentAfterTheLeaseIsTheOnlyCharge() {
        faulty.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, () -> checkout.pay(sessionId, form(TestCards.SUCCESS)));
        faulty.assertFaultsFired();
        String orphan = faulty.onlyAuthorizationOf(merchant.merchantId()).transactionId();
        assertEquals(List.of(), faulty.transactionsOf(merchant.merchantId()), "nothing half-written");
        assertInstanceOf(CheckoutState.InProgress.class, checkout.open(sessionId), "the dead attempt's lease");
        faulty.clock().advance(SessionCheckoutService.LEASE);

        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(sessionId));
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(sessionId, form(TestCards.SUCCESS)));

        assertChargedOnlyByTheSessionsPayment(orphan);
    }

    @Test
    void throttledSessionWriteGivesTheSessionBackAtOnceAndTheNextPaymentIsTheOnlyCharge() {
        faulty.faults().inject(THROTTLED, "TransactWriteItems");

        assertThrows(RetryableFailure.class, () -> checkout.pay(sessionId, form(TestCards.SUCCESS)));
        faulty.assertFaultsFired();
        String orphan = faulty.onlyAuthorizationOf(merchant.merchantId()).transactionId();

        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(sessionId), "no lease to wait out");
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(sessionId, form(TestCards.SUCCESS)));

        assertChargedOnlyByTheSessionsPayment(orphan);
    }

    @Test
    void crashAfterTheGatewayCompletedASessionsChallengeThenTheNextOpenFinishesItWithoutChargingAgain() {
        CheckoutState challenge = checkout.pay(sessionId, form(TestCards.THREE_D_SECURE_REQUIRED));
        String transactionId = assertInstanceOf(CheckoutState.ChallengeRequired.class, challenge).transactionId();
        stack.payments().recordChallenge(transactionId, true);
        faulty.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, () -> checkout.open(sessionId));
        faulty.assertFaultsFired();
        assertEquals(AuthorizationState.CHARGED, faulty.onlyAuthorizationOf(merchant.merchantId()).state());
        faulty.clock().advance(SessionCheckoutService.LEASE);

        assertInstanceOf(CheckoutState.Paid.class, checkout.open(sessionId));

        AuthorizationRecord charged = faulty.onlyAuthorizationOf(merchant.merchantId());
        assertEquals(transactionId, charged.transactionId());
        assertEquals(AuthorizationState.CHARGED, charged.state());
        assertEquals(transactionId, stack.sessions().storedSession(sessionId).transactionId());
    }

    /** After reconciliation: the dead attempt's authorisation is voided, the session's payment is charged. */
    private void assertChargedOnlyByTheSessionsPayment(String orphan) {
        String paid = stack.sessions().storedSession(sessionId).transactionId();
        assertNotEquals(orphan, paid);
        assertEquals(paid, faulty.onlyTransactionOf(merchant.merchantId()).transactionId());
        faulty.clock().advance(AuthorizationReconciler.GRACE.plusSeconds(1));
        faulty.reconcile();
        List<AuthorizationRecord> standing = faulty.notVoidedAuthorizationsOf(merchant.merchantId());
        assertEquals(1, standing.size(), standing.toString());
        assertEquals(paid, standing.get(0).transactionId());
        assertEquals(2, faulty.authorizationsOf(merchant.merchantId()).size(), "the orphan, voided");
    }

    private static CheckoutForm form(String pan) {
        return new CheckoutForm(CardDetails.validate(pan, "12", "2030", "123", Clock.systemUTC()), "Jane Smith",
                "jane@example.com");
    }
}
