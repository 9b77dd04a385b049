package com.circoflows.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.PaymentMethod;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.SessionWorld;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paying a session with a wallet's token: genuine tokens minted by test mode's wallet, opened with test mode's
 * keys and charged through the same lease, engine and write as a typed card.
 */
class SessionCheckoutWalletTest {
    private final SessionWorld world = new SessionWorld();
    private final SessionCheckoutService checkout = world.checkout;
    private final TestWalletTokens mint = new TestWalletTokens(world.clock);

    @Test
    void googlePayDeviceTokenCompletesTheSessionWithTheWalletsCardAndAnnouncesPaymentSucceeded() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.payWithWallet(session.sessionId(),
                form(Wallet.GOOGLE_PAY, token(Wallet.GOOGLE_PAY, TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS)));

        CheckoutState.Paid paid = assertInstanceOf(CheckoutState.Paid.class, state);
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(stored, paid.page().session());
        assertEquals(SessionStatus.COMPLETED, stored.status());
        Transaction t = world.storedTransaction(stored.transactionId());
        assertEquals(TransactionStatus.COMPLETED, t.status());
        assertEquals(session.sessionId(), t.sessionId());
        assertEquals(Money.of(25000, "USD"), t.amount());
        assertEquals(PaymentMethod.GOOGLE_PAY, t.paymentMethod());
        assertEquals(Wallet.GOOGLE_PAY, t.card().wallet());
        assertEquals(CardBrand.VISA, t.card().brand());
        assertEquals("4242", t.card().last4());
        assertEquals(session.customerInfo(), t.customerInfo(), "a wallet types no name or email on the page");
        assertEquals(List.of(t.transactionId()), world.gateway.authorized());
        assertEquals(1, world.walletClaims.size(), "the token is claimed for this payment");
        WebhookEvent event = onlyEvent(t);
        assertEquals(WebhookEventType.PAYMENT_SUCCEEDED, event.type());
        assertEquals(List.of(event), world.queue.enqueued());
    }

    @Test
    void declinedDeviceCardLeavesTheSessionPayableWithTheDecline() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.payWithWallet(session.sessionId(),
                form(Wallet.GOOGLE_PAY, token(Wallet.GOOGLE_PAY, TestCards.DECLINED, AuthMethod.CRYPTOGRAM_3DS)));

        CheckoutState.AwaitingPayment awaiting = assertInstanceOf(CheckoutState.AwaitingPayment.class, state);
        assertEquals(ErrorCode.CARD_DECLINED, awaiting.lastFailure().code());
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(SessionStatus.PENDING, stored.status());
        assertNull(stored.attemptLeaseUntil(), "the lease is given back at once");
        Transaction failed = world.transactions.all().get(0);
        assertEquals(TransactionStatus.FAILED, failed.status());
        assertEquals(PaymentMethod.GOOGLE_PAY, failed.paymentMethod());
        assertEquals(WebhookEventType.PAYMENT_FAILED, onlyEvent(failed).type());
        assertInstanceOf(CheckoutState.Paid.class, checkout.payWithWallet(session.sessionId(),
                form(Wallet.GOOGLE_PAY, token(Wallet.GOOGLE_PAY, TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS))),
                "another token pays it");
    }

    @Test
    void invalidTokenChargesNothingShowsTheFailureAndLeavesTheSessionPayable() {
        PaymentSession session = world.session();
        String token = token(Wallet.GOOGLE_PAY, TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS);
        int at = token.indexOf("encryptedMessage") + 30; // inside the ciphertext's base64
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

        CheckoutState state = checkout.payWithWallet(session.sessionId(), form(Wallet.GOOGLE_PAY, tampered));

        CheckoutState.AwaitingPayment awaiting = assertInstanceOf(CheckoutState.AwaitingPayment.class, state);
        assertEquals(ErrorCode.INVALID_PAYMENT_TOKEN, awaiting.lastFailure().code());
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(SessionStatus.PENDING, stored.status());
        assertNull(stored.attemptTransactionId());
        assertNull(stored.attemptLeaseUntil(), "the session is given back at once, not in 30 s");
        assertNull(stored.lastFailure(), "nothing was charged, so nothing is recorded as the last attempt");
        assertEquals(0, stored.failedAttempts(), "a token that did not open is no decline");
        assertTrue(world.transactions.all().isEmpty());
        assertTrue(world.gateway.authorized().isEmpty());
        assertEquals(0, world.walletClaims.size());
        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(session.sessionId()));
        assertInstanceOf(CheckoutState.Paid.class, checkout.payWithWallet(session.sessionId(),
                form(Wallet.GOOGLE_PAY, token)), "the untampered token still pays it");
    }

    @Test
    void tokenOfAWalletThisModeCannotOpenIsRefusedLikeAnInvalidOne() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.payWithWallet(session.sessionId(),
                form(Wallet.APPLE_PAY, "{\"version\":\"EC_v1\",\"data\":\"bm90IGEgdG9rZW4=\"}"));

        assertEquals(ErrorCode.INVALID_PAYMENT_TOKEN,
                assertInstanceOf(CheckoutState.AwaitingPayment.class, state).lastFailure().code());
        assertNull(world.stored(session.sessionId()).attemptLeaseUntil());
        assertTrue(world.transactions.all().isEmpty());
    }

    @Test
    void tokenMadeForAnotherMerchantIsRefusedLikeAnInvalidOne() {
        PaymentSession session = world.session();
        String othersToken = mint.mint(new TestWalletTokens.Mint(Wallet.GOOGLE_PAY,
                SessionWorld.MERCHANT_B.merchantId(), CardNumber.parse(TestCards.SUCCESS), ahead(),
                AuthMethod.CRYPTOGRAM_3DS, null));

        CheckoutState state = checkout.payWithWallet(session.sessionId(), form(Wallet.GOOGLE_PAY, othersToken));

        assertEquals(ErrorCode.INVALID_PAYMENT_TOKEN,
                assertInstanceOf(CheckoutState.AwaitingPayment.class, state).lastFailure().code());
        assertTrue(world.transactions.all().isEmpty());
    }

    @Test
    void tokenThatPaidAnotherSessionIsRefused() {
        PaymentSession first = world.session();
        PaymentSession second = world.session();
        String token = token(Wallet.GOOGLE_PAY, TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS);
        assertInstanceOf(CheckoutState.Paid.class, checkout.payWithWallet(first.sessionId(),
                form(Wallet.GOOGLE_PAY, token)));

        CheckoutState replay = checkout.payWithWallet(second.sessionId(), form(Wallet.GOOGLE_PAY, token));

        assertEquals(ErrorCode.INVALID_PAYMENT_TOKEN,
                assertInstanceOf(CheckoutState.AwaitingPayment.class, replay).lastFailure().code());
        assertEquals(SessionStatus.PENDING, world.stored(second.sessionId()).status());
        assertEquals(1, world.transactions.all().size(), "the replay charged nothing");
    }

    @Test
    void expiredDeviceCardIsRefusedAsExpiredBeforeAnyCharge() {
        PaymentSession session = world.session();
        String token = mint.mint(new TestWalletTokens.Mint(Wallet.GOOGLE_PAY, SessionWorld.MERCHANT_A.merchantId(),
                CardNumber.parse(TestCards.SUCCESS), new CardExpiry(1, 2020), AuthMethod.CRYPTOGRAM_3DS, null));

        CheckoutState state = checkout.payWithWallet(session.sessionId(), form(Wallet.GOOGLE_PAY, token));

        assertEquals(ErrorCode.EXPIRED_CARD,
                assertInstanceOf(CheckoutState.AwaitingPayment.class, state).lastFailure().code());
        assertTrue(world.gateway.authorized().isEmpty());
        assertNull(world.stored(session.sessionId()).attemptLeaseUntil());
    }

    @Test
    void panOnlyTokenOfTheThreeDSecureCardTakesTheSameChallengeAsTheTypedCard() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.payWithWallet(session.sessionId(), form(Wallet.GOOGLE_PAY,
                token(Wallet.GOOGLE_PAY, TestCards.THREE_D_SECURE_REQUIRED, AuthMethod.PAN_ONLY)));

        CheckoutState.ChallengeRequired challenge = assertInstanceOf(CheckoutState.ChallengeRequired.class, state);
        PaymentSession stored = world.stored(session.sessionId());
        assertEquals(challenge.transactionId(), stored.attemptTransactionId());
        assertEquals(SessionStatus.PENDING, stored.status());
        Transaction t = world.storedTransaction(challenge.transactionId());
        assertTrue(t.awaitsChallenge());
        assertEquals(Wallet.GOOGLE_PAY, t.card().wallet());
        assertEquals(challenge, checkout.open(session.sessionId()), "the page sends the customer to the challenge");

        world.challenges.recordChallenge(t.transactionId(), true);

        assertInstanceOf(CheckoutState.Paid.class, checkout.open(session.sessionId()));
        assertEquals(TransactionStatus.COMPLETED, world.storedTransaction(t.transactionId()).status());
    }

    @Test
    void deviceTokenOfTheThreeDSecureCardNeverTakesAChallenge() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.payWithWallet(session.sessionId(), form(Wallet.GOOGLE_PAY,
                token(Wallet.GOOGLE_PAY, TestCards.THREE_D_SECURE_REQUIRED, AuthMethod.CRYPTOGRAM_3DS)));

        assertInstanceOf(CheckoutState.Paid.class, state);
    }

    @Test
    void paidSessionRefusesASecondPaymentAndLeavesTheTokenUnused() {
        PaymentSession session = world.session();
        checkout.payWithWallet(session.sessionId(),
                form(Wallet.GOOGLE_PAY, token(Wallet.GOOGLE_PAY, TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS)));

        CheckoutState again = checkout.payWithWallet(session.sessionId(),
                form(Wallet.GOOGLE_PAY, token(Wallet.GOOGLE_PAY, TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS)));

        assertInstanceOf(CheckoutState.Paid.class, again);
        assertEquals(1, world.transactions.all().size());
        assertEquals(1, world.gateway.authorized().size());
        assertEquals(1, world.walletClaims.size(), "the second token was never redeemed");
    }

    @Test
    void walletTokenSubmittedWhileAnotherTabChargesIsInProgressAndNotUsedUp() {
        PaymentSession session = world.session();
        String secondToken = token(Wallet.GOOGLE_PAY, TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS);
        List<CheckoutState> secondTab = new ArrayList<>();
        world.gateway.duringNextAuthorization(authorization -> secondTab.add(
                checkout.payWithWallet(session.sessionId(), form(Wallet.GOOGLE_PAY, secondToken))));

        checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertInstanceOf(CheckoutState.InProgress.class, secondTab.get(0));
        assertEquals(0, world.walletClaims.size());
        assertEquals(1, world.gateway.authorized().size());
    }

    @Test
    void applePayDeviceTokenCompletesTheSessionAsApplePay() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.payWithWallet(session.sessionId(),
                form(Wallet.APPLE_PAY, token(Wallet.APPLE_PAY, TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS)));

        CheckoutState.Paid paid = assertInstanceOf(CheckoutState.Paid.class, state);
        Transaction t = world.storedTransaction(paid.page().session().transactionId());
        assertEquals(PaymentMethod.APPLE_PAY, t.paymentMethod());
        assertEquals("4242", t.card().last4());
    }

    @Test
    void applePayTokenOfTheThreeDSecureCardNeverTakesAChallenge() {
        PaymentSession session = world.session();

        CheckoutState state = checkout.payWithWallet(session.sessionId(), form(Wallet.APPLE_PAY,
                token(Wallet.APPLE_PAY, TestCards.THREE_D_SECURE_REQUIRED, AuthMethod.CRYPTOGRAM_3DS)));

        assertInstanceOf(CheckoutState.Paid.class, state);
    }

    private String token(Wallet wallet, String pan, AuthMethod authMethod) {
        return token(wallet, pan, authMethod, SessionWorld.MERCHANT_A);
    }

    private String token(Wallet wallet, String pan, AuthMethod authMethod, AuthenticatedKey merchant) {
        return mint.mint(new TestWalletTokens.Mint(wallet, merchant.merchantId(), CardNumber.parse(pan), ahead(),
                authMethod, Money.of(25000, "USD")));
    }

    private CardExpiry ahead() {
        YearMonth ahead = YearMonth.now(world.clock).plusYears(3);
        return new CardExpiry(ahead.getMonthValue(), ahead.getYear());
    }

    private static WalletCheckoutForm form(Wallet wallet, String token) {
        return new WalletCheckoutForm(wallet, token, SessionWorld.CLIENT_ADDRESS);
    }

    private WebhookEvent onlyEvent(Transaction t) {
        List<WebhookEvent> events = world.transactions.eventsFor(t.transactionId());
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }
}
