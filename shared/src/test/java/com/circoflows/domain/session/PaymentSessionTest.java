package com.circoflows.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentSessionTest {
    private static final Instant NOW = TestClocks.NOW;
    private static final String ID = "sess_ABCDEFGHIJKLMNOPQRSTUVWX";

    private static PaymentSession pending(String returnUrl) {
        return new PaymentSession(ID, "mch_AAAAAAAAAAAAAAAAAAAA", Mode.TEST, 25000, "USD", "Annual plan",
                Map.of("name", "Jane Smith"), Map.of(), null, returnUrl, SessionStatus.PENDING, null, null, null, null,
                NOW, NOW.plus(Duration.ofHours(24)), null, null, 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://shop.example/done                | https://shop.example/done?session_id=" + ID + "&status=completed",
        "https://shop.example/done?order=7        | https://shop.example/done?order=7&session_id=" + ID + "&status=completed",
        "https://shop.example/done#receipt        | https://shop.example/done?session_id=" + ID + "&status=completed#receipt",
        "https://shop.example/done?a=1#top?x      | https://shop.example/done?a=1&session_id=" + ID + "&status=completed#top?x",
        "https://shop.example/done?               | https://shop.example/done?session_id=" + ID + "&status=completed",
    })
    void returnLocationAddsSessionIdAndStatusToTheQueryBeforeAnyFragment(String returnUrl, String expected) {
        PaymentSession paid = pending(returnUrl).complete("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW);

        assertEquals(expected, paid.returnLocation());
    }

    @Test
    void returnLocationCarriesTheStatusOfTheSessionAsItIs() {
        assertTrue(pending("https://shop.example/x").cancel(NOW).returnLocation().endsWith("&status=cancelled"));
        assertTrue(pending("https://shop.example/x").expire().returnLocation().endsWith("&status=expired"));
    }

    @Test
    void withoutReturnUrlThereIsNoReturnLocation() {
        assertNull(pending(null).returnLocation());
    }

    @Test
    void leaseIsLiveUntilItsEndAndNotAfter() {
        PaymentSession leased = pending(null).lease("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW.plusSeconds(30));

        assertTrue(leased.leaseLive(NOW));
        assertTrue(leased.leaseLive(NOW.plusSeconds(29)));
        assertFalse(leased.leaseLive(NOW.plusSeconds(30)));
        assertFalse(pending(null).leaseLive(NOW));
    }

    @Test
    void pendingSessionIsDueToExpireFromExpiresAtOnButNotWhileACardIsBeingCharged() {
        PaymentSession session = pending(null);
        Instant expiresAt = session.expiresAt();

        assertFalse(session.isDueToExpire(expiresAt.minusMillis(1)));
        assertTrue(session.isDueToExpire(expiresAt));
        PaymentSession charging = session.lease("txn_ABCDEFGHIJKLMNOPQRSTUVWX", expiresAt.plusSeconds(10));
        assertFalse(charging.isDueToExpire(expiresAt.plusSeconds(5)));
        assertTrue(charging.isDueToExpire(expiresAt.plusSeconds(10)));
        assertFalse(session.complete("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW).isDueToExpire(expiresAt.plusSeconds(60)));
    }

    @Test
    void everyChangeIsTheNextVersion() {
        PaymentSession session = pending(null);
        PaymentSession leased = session.lease("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW.plusSeconds(30));
        PaymentSession failed = leased.attemptFailed(new PaymentFailure(ErrorCode.CARD_DECLINED, "Declined.", "x"), NOW);

        assertEquals(2, leased.version());
        assertEquals(3, failed.version());
        assertNull(failed.attemptTransactionId());
        assertNull(failed.attemptLeaseUntil());
        assertEquals(ErrorCode.CARD_DECLINED, failed.lastFailure().code());
        PaymentSession again = failed.lease("txn_BBBBBBBBBBBBBBBBBBBBBBBB", NOW.plusSeconds(60));
        assertNull(again.lastFailure(), "a new attempt replaces the last failure");
    }

    @Test
    void theFifthDeclineLocksTheSessionForFifteenMinutesAndStartsTheCountAfresh() {
        PaymentSession session = pending(null);
        for (int i = 1; i < DeclineLimits.PER_SESSION; i++) {
            session = declined(session, ErrorCode.CARD_DECLINED);
            assertEquals(i, session.failedAttempts());
            assertFalse(session.lockedAt(NOW));
        }

        PaymentSession locked = declined(session, ErrorCode.INSUFFICIENT_FUNDS);

        assertEquals(0, locked.failedAttempts());
        assertEquals(NOW.plus(Duration.ofMinutes(15)), locked.lockedUntil());
        assertTrue(locked.lockedAt(NOW.plus(Duration.ofMinutes(15)).minusSeconds(1)));
        assertFalse(locked.lockedAt(NOW.plus(Duration.ofMinutes(15))));
    }

    @Test
    void aProcessingErrorIsOursAndDoesNotCountAsADecline() {
        PaymentSession session = pending(null);
        for (int i = 0; i < 2 * DeclineLimits.PER_SESSION; i++) {
            session = declined(session, ErrorCode.PROCESSING_ERROR);
        }

        assertEquals(0, session.failedAttempts());
        assertNull(session.lockedUntil());
    }

    private static PaymentSession declined(PaymentSession session, ErrorCode code) {
        return session.lease("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW.plusSeconds(30))
                .attemptFailed(new PaymentFailure(code, code.defaultMessage(), null), NOW);
    }

    @Test
    void completingRecordsTheTransactionAndForgetsTheAttempt() {
        PaymentSession paid = pending(null).lease("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW.plusSeconds(30))
                .complete("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW.plusSeconds(1));

        assertEquals(SessionStatus.COMPLETED, paid.status());
        assertEquals("txn_ABCDEFGHIJKLMNOPQRSTUVWX", paid.transactionId());
        assertEquals(NOW.plusSeconds(1), paid.completedAt());
        assertNull(paid.attemptTransactionId());
        assertNull(paid.attemptLeaseUntil());
    }

    @Test
    void aChallengeKeepsTheAttemptButGivesTheLeaseBack() {
        PaymentSession waiting = pending(null).lease("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW.plusSeconds(30))
                .awaitingChallenge("txn_ABCDEFGHIJKLMNOPQRSTUVWX");

        assertEquals("txn_ABCDEFGHIJKLMNOPQRSTUVWX", waiting.attemptTransactionId());
        assertNull(waiting.attemptLeaseUntil());
        assertEquals(SessionStatus.PENDING, waiting.status());
    }

    @Test
    void finishedSessionsChangeNoMore() {
        PaymentSession cancelled = pending(null).cancel(NOW);

        assertThrows(IllegalStateException.class, () -> cancelled.cancel(NOW));
        assertThrows(IllegalStateException.class, () -> cancelled.lease("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW));
        assertThrows(IllegalStateException.class, () -> cancelled.complete("txn_ABCDEFGHIJKLMNOPQRSTUVWX", NOW));
        assertThrows(IllegalStateException.class, cancelled::expire);
    }
}
