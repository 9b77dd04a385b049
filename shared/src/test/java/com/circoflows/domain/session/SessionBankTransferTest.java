package com.circoflows.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.banktransfer.TransferExpiry;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentMethod;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.SessionWorld;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paying a hosted session by bank transfer: the payment is opened with the session's change in one write,
 * the session shows that one transfer until its money arrives (then it is paid, as by a card) or it expires
 * (then it is payable again), and it neither expires nor is cancelled while the money may still arrive.
 */
class SessionBankTransferTest {
    private static final TransferCheckoutForm NO_NAME_TYPED = new TransferCheckoutForm(null);

    private final SessionWorld world = new SessionWorld();
    private final SessionCheckoutService checkout = world.checkout;

    @Test
    void choosingBankTransferOpensOnePendingPaymentWithTheSessionsChangeInOneWrite() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.payByBankTransfer(session.sessionId(), NO_NAME_TYPED);

        CheckoutState.AwaitingTransfer awaiting = assertInstanceOf(CheckoutState.AwaitingTransfer.class, state);
        Transaction payment = world.storedTransaction(awaiting.payment().transactionId());
        assertEquals(TransactionStatus.PENDING, payment.status());
        assertEquals(PaymentMethod.BANK_TRANSFER, payment.paymentMethod());
        assertEquals(Money.of(25000, "USD"), payment.amount());
        assertEquals(session.sessionId(), payment.sessionId());
        assertEquals("Jane Smith", payment.customerInfo().get("name"), "the session's customer is the payer");
        assertEquals(SessionWorld.WEBHOOK_URL, payment.webhookUrl());
        assertEquals(TestClocks.NOW.plus(TransferExpiry.DEFAULT), payment.bankTransfer().expiresAt());
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(SessionStatus.PENDING, stored.status());
        assertTrue(stored.awaitsTransfer());
        assertEquals(payment.transactionId(), stored.attemptTransactionId());
        assertEquals(payment.bankTransfer().expiresAt(), stored.awaitingTransferUntil());
        assertNull(stored.attemptLeaseUntil(), "the lease is given back with the write");
        assertEquals(1, world.sessions.commits(), "payment, event and session in one write");
        assertEquals(1, world.transferNumbers.size());
        assertEquals(1, world.queue.enqueued().size());
        assertEquals(WebhookEventType.PAYMENT_PENDING, world.queue.enqueued().get(0).type());
    }

    @Test
    void aReloadOrASecondSubmitShowsTheSameTransferAndOpensNoOther() {
        PaymentSession session = world.session();
        Transaction first = transferOpened(session);

        CheckoutState reopened = checkout.open(session.sessionId());
        CheckoutState submittedAgain = checkout.payByBankTransfer(session.sessionId(), NO_NAME_TYPED);
        CheckoutState cardTried = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        for (CheckoutState state : new CheckoutState[] {reopened, submittedAgain, cardTried}) {
            CheckoutState.AwaitingTransfer awaiting = assertInstanceOf(CheckoutState.AwaitingTransfer.class, state);
            assertEquals(first.transactionId(), awaiting.payment().transactionId());
        }
        assertEquals(1, world.sessions.commits());
        assertEquals(1, world.transferNumbers.size());
        assertTrue(world.gateway.authorized().isEmpty(), "no card is charged while a transfer is awaited");
    }

    @Test
    void theNameTypedOnThePageNamesThePayerWhenTheSessionHasNone() {
        PaymentSession session = world.hostedPayments.create(SessionWorld.MERCHANT_A, new NewPaymentSession(
                Money.of(4200, "EUR"), "Order 7", Map.of("email", "payer@example.com"), Map.of(), null, null, null));

        CheckoutState state = checkout.payByBankTransfer(session.sessionId(), new TransferCheckoutForm(" Max Muster "));

        Transaction payment = assertInstanceOf(CheckoutState.AwaitingTransfer.class, state).payment();
        assertEquals(Map.of("email", "payer@example.com", "name", "Max Muster"), payment.customerInfo());
        assertEquals(payment.customerInfo(), world.stored(session.sessionId()).customerInfo());
        assertTrue(payment.bankTransfer().accountFields().containsKey("iban"), "EUR is paid by SEPA: an IBAN");
    }

    @Test
    void withoutAnyPayerNameNothingIsOpenedAndTheSessionStaysPayable() {
        PaymentSession session = world.hostedPayments.create(SessionWorld.MERCHANT_A, new NewPaymentSession(
                Money.of(4200, "GBP"), "Order 8", Map.of(), Map.of(), null, null, null));

        ApiException refused = assertThrows(ApiException.class,
                () -> checkout.payByBankTransfer(session.sessionId(), new TransferCheckoutForm("  ")));

        assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
        assertEquals("name", refused.param());
        assertEquals(0, world.sessions.commits());
        assertEquals(0, world.transferNumbers.size());
        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(session.sessionId()));
    }

    @Test
    void aCurrencyWithoutATransferSchemeIsRefusedWithTheSupportedOnesNamed() {
        PaymentSession session = world.hostedPayments.create(SessionWorld.MERCHANT_A, new NewPaymentSession(
                Money.of(5000, "JPY"), "Order 9", Map.of("name", "Taro Yamada"), Map.of(), null, null, null));

        ApiException refused = assertThrows(ApiException.class,
                () -> checkout.payByBankTransfer(session.sessionId(), NO_NAME_TYPED));

        assertEquals(ErrorCode.INVALID_CURRENCY, refused.code());
        assertTrue(refused.getMessage().contains("EUR, GBP and USD"), refused.getMessage());
        assertEquals(0, world.sessions.commits());
        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(session.sessionId()));
    }

    @Test
    void aSessionWhosePaymentIsOnlyToBeAuthorisedCannotBePaidByTransfer() {
        PaymentSession session = world.hostedPayments.create(SessionWorld.MERCHANT_A, new NewPaymentSession(
                Money.of(25000, "USD"), "Hold", Map.of("name", "Jane Smith"), Map.of(), null, null, null,
                CaptureMethod.MANUAL));

        ApiException refused = assertThrows(ApiException.class,
                () -> checkout.payByBankTransfer(session.sessionId(), NO_NAME_TYPED));

        assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
        assertEquals(0, world.sessions.commits());
    }

    @Test
    void aFailedWriteOpensNothingAndGivesTheSessionBackAtOnce() {
        PaymentSession session = world.session();
        world.sessions.failCommitsWith(new IllegalStateException("throttled"));

        assertThrows(IllegalStateException.class,
                () -> checkout.payByBankTransfer(session.sessionId(), NO_NAME_TYPED));

        PaymentSession stored = world.stored(session.sessionId());
        assertFalse(stored.awaitsTransfer());
        assertNull(stored.attemptLeaseUntil());
        assertNull(stored.attemptTransactionId());
        world.sessions.failCommitsWith(null);
        assertInstanceOf(CheckoutState.AwaitingTransfer.class,
                checkout.payByBankTransfer(session.sessionId(), NO_NAME_TYPED));
    }

    @Test
    void partOfTheMoneyKeepsTheInstructionsWithWhatArrived() {
        PaymentSession session = world.session();
        Transaction payment = transferOpened(session);
        credit(payment.transactionId(), 10000);

        CheckoutState state = checkout.open(session.sessionId());

        Transaction shown = assertInstanceOf(CheckoutState.AwaitingTransfer.class, state).payment();
        assertEquals(Money.of(10000, "USD"), shown.bankTransfer().received());
        assertEquals(SessionStatus.PENDING, world.stored(session.sessionId()).status());
    }

    @Test
    void theMoneyArrivingInFullPaysTheSessionAsACardWould() {
        PaymentSession session = world.session();
        Transaction payment = transferOpened(session);
        world.clock.advance(Duration.ofDays(2));
        credit(payment.transactionId(), 25000);
        world.clock.advance(Duration.ofHours(1));

        CheckoutState state = checkout.open(session.sessionId());

        CheckoutState.Paid paid = assertInstanceOf(CheckoutState.Paid.class, state);
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(paid.page().session(), stored);
        assertEquals(SessionStatus.COMPLETED, stored.status());
        assertEquals(payment.transactionId(), stored.transactionId());
        assertEquals(TestClocks.NOW.plus(Duration.ofDays(2)), stored.completedAt(), "paid when the money arrived");
        assertFalse(stored.awaitsTransfer());
        assertEquals("completed", stored.returnLocation().replaceAll(".*status=([a-z]+).*", "$1"));
    }

    @Test
    void theStatusApiWithThePaymentsLearnsThePaymentWithoutThePage() {
        PaymentSession session = world.session();
        Transaction payment = transferOpened(session);
        HostedPaymentService withPayments = new HostedPaymentService(world.sessions, world.transactions, world.clock);
        assertEquals(SessionStatus.PENDING, withPayments.get(SessionWorld.MERCHANT_A, session.sessionId()).status());
        credit(payment.transactionId(), 25000);

        PaymentSession read = withPayments.get(SessionWorld.MERCHANT_A, session.sessionId());

        assertEquals(SessionStatus.COMPLETED, read.status());
        assertEquals(payment.transactionId(), read.transactionId());
        assertEquals(read, world.stored(session.sessionId()), "stored, as the page would");
    }

    @Test
    void theSessionWaitsForTheTransferPastItsOwnExpiryAndCannotBeCancelledMeanwhile() {
        PaymentSession session = world.session();
        Transaction payment = transferOpened(session);
        world.clock.advance(Duration.ofDays(3));

        assertInstanceOf(CheckoutState.AwaitingTransfer.class, checkout.open(session.sessionId()));
        PaymentSession read = world.hostedPayments.get(SessionWorld.MERCHANT_A, session.sessionId());
        assertEquals(SessionStatus.PENDING, read.status(), "the money may still arrive");
        ApiException cancel = assertThrows(ApiException.class,
                () -> world.hostedPayments.cancel(SessionWorld.MERCHANT_A, session.sessionId()));
        assertEquals(ErrorCode.SESSION_PAYMENT_IN_PROGRESS, cancel.code());

        credit(payment.transactionId(), 25000);
        assertInstanceOf(CheckoutState.Paid.class, checkout.open(session.sessionId()));
    }

    @Test
    void aTransferThatExpiredUnpaidLeavesTheSessionPayableSayingWhy() {
        PaymentSession session = world.hostedPayments.create(SessionWorld.MERCHANT_A,
                SessionWorld.referenceRequest(world.clock.instant().plus(Duration.ofDays(7))));
        Transaction payment = transferOpened(session);
        world.clock.advance(Duration.ofDays(7).minusHours(1));
        expire(payment.transactionId());

        CheckoutState state = checkout.open(session.sessionId());

        CheckoutState.AwaitingPayment awaiting = assertInstanceOf(CheckoutState.AwaitingPayment.class, state);
        assertEquals(ErrorCode.BANK_TRANSFER_EXPIRED, awaiting.lastFailure().code());
        PaymentSession stored = world.stored(session.sessionId());
        assertFalse(stored.awaitsTransfer());
        assertEquals(0, stored.failedAttempts(), "an expired transfer is no card decline");
        assertInstanceOf(CheckoutState.Paid.class,
                checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS)));
    }

    @Test
    void aTransferThatExpiredAfterTheSessionsOwnTimeEndsTheSessionExpired() {
        PaymentSession session = world.session();
        Transaction payment = transferOpened(session);
        world.clock.advance(TransferExpiry.DEFAULT);
        expire(payment.transactionId());

        CheckoutState state = checkout.open(session.sessionId());

        assertInstanceOf(CheckoutState.Closed.class, state);
        assertEquals(SessionStatus.EXPIRED, world.stored(session.sessionId()).status());
    }

    private Transaction transferOpened(PaymentSession session) {
        return assertInstanceOf(CheckoutState.AwaitingTransfer.class,
                checkout.payByBankTransfer(session.sessionId(), NO_NAME_TYPED)).payment();
    }

    /** What the bank credit feed's consumer does to the payment (BankCreditService). */
    private void credit(String transactionId, long minorUnits) {
        Transaction payment = world.storedTransaction(transactionId);
        Transaction credited = payment.receiveTransfer(new Money(minorUnits, payment.amount().currency()),
                world.clock.instant());
        assertTrue(world.transactions.update(credited, null));
    }

    /** What the scheduled expiry does (BankTransferExpirer). */
    private void expire(String transactionId) {
        Transaction payment = world.storedTransaction(transactionId);
        assertTrue(world.transactions.update(payment.expireTransfer(world.clock.instant()), null));
    }
}
