package com.circoflows.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.testing.SessionWorld;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The hosted page is no card-testing oracle: declines are limited per session and per client address. */
class SessionDeclineLimitsTest {
    /** Not in the test card table, so the fraud rules screen it as a real card. */
    private static final String ORDINARY_CARD = "5555555555554444";
    private static final String OTHER_ADDRESS = "192.0.2.44";

    private final SessionWorld world = new SessionWorld();
    private final SessionCheckoutService checkout = world.checkout;

    @Test
    void theSixthAttemptAfterFiveDeclinesIsRefusedWithoutAGatewayCallUntilTheLockEndsThenTheSessionIsPayable() {
        PaymentSession session = world.session();
        for (int i = 1; i < DeclineLimits.PER_SESSION; i++) {
            assertInstanceOf(CheckoutState.AwaitingPayment.class, decline(session));
        }
        CheckoutState.Locked fifth = assertInstanceOf(CheckoutState.Locked.class, decline(session),
                "the decline that reaches the limit already says the session is paused");
        Instant until = TestClocks.NOW.plus(Duration.ofMinutes(15));
        assertEquals(until, fifth.until());

        CheckoutState sixth = checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        assertEquals(until, assertInstanceOf(CheckoutState.Locked.class, sixth).until());
        assertEquals(DeclineLimits.PER_SESSION, world.gateway.authorized().size(), "the sixth never reached it");
        assertEquals(DeclineLimits.PER_SESSION, world.transactions.all().size(), "nor was anything stored");
        assertInstanceOf(CheckoutState.Locked.class, checkout.open(session.sessionId()));

        world.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertInstanceOf(CheckoutState.Locked.class, checkout.pay(session.sessionId(),
                SessionWorld.form(TestCards.SUCCESS)));
        world.clock.advance(Duration.ofSeconds(1));

        assertInstanceOf(CheckoutState.AwaitingPayment.class, checkout.open(session.sessionId()));
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(session.sessionId(),
                SessionWorld.form(TestCards.SUCCESS)));
    }

    @Test
    void afterTheLockTheSessionGetsFiveMoreDeclinesNotOne() {
        PaymentSession session = world.session();
        for (int i = 0; i < DeclineLimits.PER_SESSION; i++) {
            decline(session);
        }
        world.clock.advance(DeclineLimits.SESSION_LOCK);

        for (int i = 1; i < DeclineLimits.PER_SESSION; i++) {
            assertInstanceOf(CheckoutState.AwaitingPayment.class, decline(session));
        }
        assertInstanceOf(CheckoutState.Locked.class, decline(session));
    }

    @Test
    void processingErrorsAreNotDeclinesAndNeverLockTheSession() {
        PaymentSession session = world.session();
        for (int i = 0; i < 2 * DeclineLimits.PER_SESSION; i++) {
            assertInstanceOf(CheckoutState.AwaitingPayment.class,
                    checkout.pay(session.sessionId(), SessionWorld.form(TestCards.PROCESSING_ERROR)));
        }
    }

    @Test
    void declinesAcrossSessionsFromOneAddressAreLimitedUntilTheWindowEndsWhileOtherAddressesGoOn() {
        int sessionsToUseUpTheAddress = DeclineLimits.PER_ADDRESS / DeclineLimits.PER_SESSION;
        for (int s = 0; s < sessionsToUseUpTheAddress; s++) {
            PaymentSession session = world.session();
            for (int i = 0; i < DeclineLimits.PER_SESSION; i++) {
                decline(session);
            }
        }
        PaymentSession fresh = world.session();

        CheckoutState refused = checkout.pay(fresh.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        Instant windowEnd = TestClocks.NOW.plus(Duration.ofHours(1));
        assertEquals(windowEnd, assertInstanceOf(CheckoutState.Locked.class, refused).until());
        assertEquals(DeclineLimits.PER_ADDRESS, world.gateway.authorized().size());
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(fresh.sessionId(),
                SessionWorld.form(TestCards.SUCCESS).from(OTHER_ADDRESS)));

        PaymentSession later = world.session();
        world.clock.set(windowEnd);
        assertInstanceOf(CheckoutState.Paid.class, checkout.pay(later.sessionId(),
                SessionWorld.form(TestCards.SUCCESS)));
    }

    @Test
    void simultaneousSubmissionsFromOneAddressOnManySessionsCannotAllSlipUnderTheLimit() throws Exception {
        int sessions = DeclineLimits.PER_ADDRESS + 10;
        List<PaymentSession> open = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            open.add(world.session());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<CheckoutState>> answers = new ArrayList<>();
        try {
            for (PaymentSession session : open) {
                Callable<CheckoutState> submit = () -> {
                    start.await();
                    return checkout.pay(session.sessionId(), SessionWorld.form(TestCards.DECLINED));
                };
                answers.add(pool.submit(submit));
            }
            start.countDown();
            long locked = 0;
            for (Future<CheckoutState> answer : answers) {
                if (answer.get() instanceof CheckoutState.Locked) {
                    locked++;
                }
            }

            assertEquals(DeclineLimits.PER_ADDRESS, world.gateway.authorized().size());
            assertEquals(sessions - DeclineLimits.PER_ADDRESS, locked);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void paymentsAndChallengesFromOneAddressUseUpNoneOfItsDeclines() {
        for (int i = 0; i < DeclineLimits.PER_ADDRESS + 5; i++) {
            assertInstanceOf(CheckoutState.Paid.class, checkout.pay(world.session().sessionId(),
                    SessionWorld.form(TestCards.SUCCESS)));
            assertInstanceOf(CheckoutState.ChallengeRequired.class, checkout.pay(world.session().sessionId(),
                    SessionWorld.form(TestCards.THREE_D_SECURE_REQUIRED)));
            checkout.pay(world.session().sessionId(), SessionWorld.form(TestCards.PROCESSING_ERROR));
        }

        PaymentSession session = world.session();
        assertInstanceOf(CheckoutState.AwaitingPayment.class, decline(session));
    }

    @Test
    void declinesOnThePageCountForCardTestingWhateverTheSessionsAmount() {
        // USD 250.00 sessions: far above what the rule calls small for a direct payment.
        for (int s = 0; s < 2; s++) {
            PaymentSession session = world.session();
            for (int i = 0; i < DeclineLimits.PER_SESSION; i++) {
                decline(session);
            }
        }
        PaymentSession next = world.session();

        CheckoutState state = checkout.pay(next.sessionId(), SessionWorld.form(ORDINARY_CARD).from(OTHER_ADDRESS));

        assertEquals("fraudulent",
                assertInstanceOf(CheckoutState.AwaitingPayment.class, state).lastFailure().declineCode());
        Transaction blocked = world.transactions.all().stream()
                .filter(t -> next.sessionId().equals(t.sessionId())).findFirst().orElseThrow();
        assertTrue(blocked.risk().rulesHit().contains("card_testing"), blocked.risk().toString());
    }

    private CheckoutState decline(PaymentSession session) {
        return checkout.pay(session.sessionId(), SessionWorld.form(TestCards.DECLINED));
    }
}
