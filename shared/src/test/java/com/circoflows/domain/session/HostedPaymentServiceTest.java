package com.circoflows.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.testing.SessionWorld;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class HostedPaymentServiceTest {
    private static final Pattern SESSION_ID = Pattern.compile("^sess_[0-9A-Za-z]{24}$");

    private final SessionWorld world = new SessionWorld();
    private final HostedPaymentService service = world.hostedPayments;

    // --- create -------------------------------------------------------------------------------

    @Test
    void createdSessionIsPendingWithASessIdAndExpiresInTwentyFourHoursByDefault() {
        PaymentSession session = service.create(SessionWorld.MERCHANT_A, SessionWorld.referenceRequest(null));

        assertTrue(SESSION_ID.matcher(session.sessionId()).matches(), session.sessionId());
        assertEquals(SessionStatus.PENDING, session.status());
        assertEquals(TestClocks.NOW, session.createdAt());
        assertEquals(TestClocks.NOW.plus(Duration.ofHours(24)), session.expiresAt());
        assertEquals(1, session.version());
        assertEquals(session, world.stored(session.sessionId()));
    }

    @Test
    void createdSessionKeepsWhatTheMerchantSent() {
        Instant expiresAt = TestClocks.NOW.plus(Duration.ofDays(3));

        PaymentSession session = service.create(SessionWorld.MERCHANT_A, SessionWorld.referenceRequest(expiresAt));

        assertEquals(SessionWorld.MERCHANT_A.merchantId(), session.merchantId());
        assertEquals(Mode.TEST, session.mode());
        assertEquals(25000, session.amount());
        assertEquals("USD", session.currency());
        assertEquals("Premium Subscription - Annual Plan", session.description());
        assertEquals(Map.of("name", "Jane Smith", "email", "jane@example.com", "phone", "+1234567890"),
                session.customerInfo());
        assertEquals(Map.of("subscription_id", "sub_12345", "plan_type", "premium_annual"), session.metadata());
        assertEquals(SessionWorld.WEBHOOK_URL, session.webhookUrl());
        assertEquals(SessionWorld.RETURN_URL, session.returnUrl());
        assertEquals(expiresAt, session.expiresAt());
    }

    @Test
    void expiresAtInThePastOrNowIsAnInvalidRequestOnExpiresAt() {
        assertInvalidExpiry(TestClocks.NOW.minusSeconds(1));
        assertInvalidExpiry(TestClocks.NOW);
        assertInvalidExpiry(Instant.parse("2025-08-23T23:59:59Z"));
    }

    @Test
    void expiresAtMayBeUpToSevenDaysAheadAndNoFurther() {
        Instant limit = TestClocks.NOW.plus(Duration.ofDays(7));

        assertEquals(limit, service.create(SessionWorld.MERCHANT_A, SessionWorld.referenceRequest(limit)).expiresAt());
        assertInvalidExpiry(limit.plusSeconds(1));
    }

    @Test
    void liveKeysCannotCreateSessions() {
        AuthenticatedKey live = new AuthenticatedKey("KeyLLLLLLLLLLLLL", SessionWorld.MERCHANT_A.merchantId(), Mode.LIVE);

        assertCode(ErrorCode.LIVE_MODE_NOT_ENABLED, () -> service.create(live, SessionWorld.referenceRequest(null)));
        assertTrue(world.sessions.all().isEmpty());
    }

    // --- get ----------------------------------------------------------------------------------

    @Test
    void merchantSeesItsOwnSession() {
        PaymentSession session = world.session();

        assertEquals(session, service.get(SessionWorld.MERCHANT_A, session.sessionId()));
    }

    @Test
    void anotherMerchantsSessionIsNotFoundOnGetAndCancel() {
        PaymentSession session = world.session();

        assertCode(ErrorCode.SESSION_NOT_FOUND, () -> service.get(SessionWorld.MERCHANT_B, session.sessionId()));
        assertCode(ErrorCode.SESSION_NOT_FOUND, () -> service.cancel(SessionWorld.MERCHANT_B, session.sessionId()));
        assertEquals(SessionStatus.PENDING, world.stored(session.sessionId()).status());
    }

    @Test
    void liveKeyOfTheSameMerchantDoesNotSeeTestSessions() {
        PaymentSession session = world.session();
        AuthenticatedKey live = new AuthenticatedKey("KeyLLLLLLLLLLLLL", SessionWorld.MERCHANT_A.merchantId(), Mode.LIVE);

        assertCode(ErrorCode.SESSION_NOT_FOUND, () -> service.get(live, session.sessionId()));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        for (String id : new String[] {"sess_ABCDEFGHIJKLMNOPQRSTUVWX", "sess_short", "txn_ABCDEFGHIJKLMNOPQRSTUVWX",
                "sess_../../etc/passwd0000000", "", null}) {
            assertCode(ErrorCode.SESSION_NOT_FOUND, () -> service.get(SessionWorld.MERCHANT_A, id));
        }
    }

    @Test
    void pendingSessionPastExpiresAtIsExpiredWhenReadAndTheExpiryIsStored() {
        PaymentSession session = world.session();
        world.clock.set(session.expiresAt());

        PaymentSession read = service.get(SessionWorld.MERCHANT_A, session.sessionId());

        assertEquals(SessionStatus.EXPIRED, read.status());
        assertEquals(read, world.stored(session.sessionId()));
        assertEquals(2, read.version());
    }

    @Test
    void sessionPaidWhileItsExpiryWasBeingWrittenStaysPaid() {
        PaymentSession session = world.session();
        world.clock.set(session.expiresAt());
        world.sessions.beforeNextUpdate(() -> world.sessions.overwrite(
                session.complete("txn_ABCDEFGHIJKLMNOPQRSTUVWX", session.expiresAt())));

        PaymentSession read = service.get(SessionWorld.MERCHANT_A, session.sessionId());

        assertEquals(SessionStatus.COMPLETED, read.status(), "the conditional expiry lost; the payment stands");
        assertEquals(SessionStatus.COMPLETED, world.stored(session.sessionId()).status());
    }

    // --- cancel -------------------------------------------------------------------------------

    @Test
    void cancellingAPendingSessionStoresCancelledAt() {
        PaymentSession session = world.session();
        world.clock.advance(Duration.ofMinutes(5));

        PaymentSession cancelled = service.cancel(SessionWorld.MERCHANT_A, session.sessionId());

        assertEquals(SessionStatus.CANCELLED, cancelled.status());
        assertEquals(TestClocks.NOW.plus(Duration.ofMinutes(5)), cancelled.cancelledAt());
        assertEquals(cancelled, world.stored(session.sessionId()));
    }

    @Test
    void cancellingTwiceAnswersTheSameSessionAgain() {
        PaymentSession session = world.session();
        PaymentSession first = service.cancel(SessionWorld.MERCHANT_A, session.sessionId());
        world.clock.advance(Duration.ofMinutes(1));

        PaymentSession second = service.cancel(SessionWorld.MERCHANT_A, session.sessionId());

        assertEquals(first, second);
        assertEquals(first.cancelledAt(), second.cancelledAt());
    }

    @Test
    void cancellingAPaidSessionIsSessionAlreadyCompleted() {
        PaymentSession session = world.session();
        world.checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertCode(ErrorCode.SESSION_ALREADY_COMPLETED, () -> service.cancel(SessionWorld.MERCHANT_A, session.sessionId()));
        assertEquals(SessionStatus.COMPLETED, world.stored(session.sessionId()).status());
    }

    @Test
    void cancellingAnExpiredSessionIsSessionExpiredEvenBeforeTheExpiryWasStored() {
        PaymentSession session = world.session();
        world.clock.set(session.expiresAt().plusSeconds(1));

        assertCode(ErrorCode.SESSION_EXPIRED, () -> service.cancel(SessionWorld.MERCHANT_A, session.sessionId()));
        assertEquals(SessionStatus.EXPIRED, world.stored(session.sessionId()).status());
    }

    @Test
    void cancellingWhileACardIsBeingChargedIsPaymentInProgressAndCancelsNothing() {
        PaymentSession session = world.session();
        ApiException[] seen = new ApiException[1];
        world.gateway.duringNextAuthorization(authorization -> seen[0] = assertThrows(ApiException.class,
                () -> service.cancel(SessionWorld.MERCHANT_A, session.sessionId())));

        world.checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertEquals(ErrorCode.SESSION_PAYMENT_IN_PROGRESS, seen[0].code());
        assertEquals(SessionStatus.COMPLETED, world.stored(session.sessionId()).status());
    }

    @Test
    void aLeaseLeftByACrashedChargeStopsBlockingCancelWhenItRunsOut() {
        PaymentSession session = world.session();
        world.sessions.takeLease(session.lease("txn_ABCDEFGHIJKLMNOPQRSTUVWX", TestClocks.NOW.plusSeconds(30)),
                TestClocks.NOW);
        assertCode(ErrorCode.SESSION_PAYMENT_IN_PROGRESS, () -> service.cancel(SessionWorld.MERCHANT_A, session.sessionId()));
        world.clock.advance(Duration.ofSeconds(30));

        PaymentSession cancelled = service.cancel(SessionWorld.MERCHANT_A, session.sessionId());

        assertEquals(SessionStatus.CANCELLED, cancelled.status());
        assertNull(cancelled.attemptLeaseUntil());
    }

    private void assertInvalidExpiry(Instant expiresAt) {
        ApiException e = assertThrows(ApiException.class,
                () -> service.create(SessionWorld.MERCHANT_A, SessionWorld.referenceRequest(expiresAt)));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code(), expiresAt.toString());
        assertEquals("expires_at", e.param());
    }

    private static void assertCode(ErrorCode expected, Executable call) {
        assertEquals(expected, assertThrows(ApiException.class, call).code());
    }
}
