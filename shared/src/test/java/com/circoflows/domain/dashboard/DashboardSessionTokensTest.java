package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.MutableClock;
import com.circoflows.testing.TestClocks;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardSessionTokensTest {
    private static final String USER = "usr_AAAAAAAAAAAAAAAAAAAA";
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";
    private static final String CREATE_KEY = "POST /dashboard/api-keys";
    private static final String CHANGE_PASSWORD = "POST /dashboard/password";

    private final MutableClock clock = MutableClock.atTestNow();
    private final DashboardSessionTokens tokens = new DashboardSessionTokens(new SecureRandom(), clock);

    @Test
    void aTokenIs256RandomBitsAsUnpaddedBase64url() {
        String first = tokens.issue(USER, MERCHANT).token();
        String second = tokens.issue(USER, MERCHANT).token();

        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
        assertNotEquals(first, second);
    }

    @Test
    void theSessionIsStoredUnderTheSha256HexOfItsTokenNeverTheToken() {
        DashboardSessionTokens allZeroRandom = new DashboardSessionTokens(new ZeroRandom(), clock);

        IssuedDashboardSession issued = allZeroRandom.issue(USER, MERCHANT);

        assertEquals("A".repeat(43), issued.token(), "32 zero bytes");
        assertEquals("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a", issued.session().tokenHash());
    }

    @Test
    void theHashNeverEqualsOrContainsTheToken() {
        IssuedDashboardSession issued = tokens.issue(USER, MERCHANT);

        assertNotEquals(issued.token(), issued.session().tokenHash());
        assertFalse(issued.session().tokenHash().contains(issued.token()));
        assertTrue(issued.session().tokenHash().matches("[0-9a-f]{64}"));
    }

    @Test
    void aPendingSecondFactorSignInIsFlaggedAndLivesFiveMinutes() {
        IssuedDashboardSession pending = tokens.issuePendingSecondFactor(USER, MERCHANT);

        assertTrue(pending.session().pendingSecondFactor());
        assertFalse(tokens.issue(USER, MERCHANT).session().pendingSecondFactor());
        assertEquals(TestClocks.NOW.plus(Duration.ofMinutes(5)), pending.session().expiresAt());
        assertFalse(pending.session().isExpired(TestClocks.NOW.plus(Duration.ofMinutes(5)).minusMillis(1)));
        assertTrue(pending.session().isExpired(TestClocks.NOW.plus(Duration.ofMinutes(5))));
        assertEquals(Optional.of(pending.session().tokenHash()), tokens.tokenHashOf(pending.token()));
    }

    @Test
    void aPresentedTokenLeadsToItsSessionsKey() {
        IssuedDashboardSession issued = tokens.issue(USER, MERCHANT);

        assertEquals(Optional.of(issued.session().tokenHash()), tokens.tokenHashOf(issued.token()));
    }

    @Test
    void textThatCannotBeATokenIsNotLookedUp() {
        String token = tokens.issue(USER, MERCHANT).token();

        assertEquals(Optional.empty(), tokens.tokenHashOf(null));
        assertEquals(Optional.empty(), tokens.tokenHashOf(""));
        assertEquals(Optional.empty(), tokens.tokenHashOf(token.substring(1)));
        assertEquals(Optional.empty(), tokens.tokenHashOf(token + "A"));
        assertEquals(Optional.empty(), tokens.tokenHashOf(token.substring(1) + "+"));
        assertEquals(Optional.empty(), tokens.tokenHashOf(token + "="));
    }

    @Test
    void aNewSessionBelongsToItsUserAndMerchantAndEndsTwelveHoursLaterAtTheLatest() {
        DashboardSession session = tokens.issue(USER, MERCHANT).session();

        assertEquals(USER, session.userId());
        assertEquals(MERCHANT, session.merchantId());
        assertEquals(TestClocks.NOW, session.createdAt());
        assertEquals(TestClocks.NOW, session.lastSeenAt());
        assertEquals(TestClocks.NOW.plus(Duration.ofHours(12)), session.expiresAt());
    }

    @Test
    void aSessionIdleForMoreThanThirtyMinutesHasExpired() {
        DashboardSession session = tokens.issue(USER, MERCHANT).session();

        assertFalse(session.isExpired(TestClocks.NOW.plus(Duration.ofMinutes(30))));
        assertTrue(session.isExpired(TestClocks.NOW.plus(Duration.ofMinutes(30)).plusNanos(1)));
    }

    @Test
    void anActiveSessionStillExpiresTwelveHoursAfterItsCreation() {
        DashboardSession session = tokens.issue(USER, MERCHANT).session();
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            session = session.touch(clock.instant()).orElseThrow();
        }
        clock.set(TestClocks.NOW.plus(Duration.ofHours(12)).minusNanos(1));
        assertFalse(session.isExpired(clock.instant()));

        clock.advance(Duration.ofNanos(1));

        assertTrue(session.isExpired(clock.instant()));
    }

    @Test
    void activityMovesLastSeenAtAtMostOnceAMinute() {
        DashboardSession session = tokens.issue(USER, MERCHANT).session();

        assertEquals(Optional.empty(), session.touch(TestClocks.NOW.plusSeconds(59)));
        DashboardSession touched = session.touch(TestClocks.NOW.plusSeconds(60)).orElseThrow();

        assertEquals(TestClocks.NOW.plusSeconds(60), touched.lastSeenAt());
        assertEquals(session.expiresAt(), touched.expiresAt(), "activity never extends the absolute lifetime");
        assertEquals(session.tokenHash(), touched.tokenHash());
        assertEquals(session.csrfSecret(), touched.csrfSecret());
        assertFalse(touched.isExpired(TestClocks.NOW.plus(Duration.ofMinutes(31))), "idle counted from the touch");
    }

    @Test
    void anExpiredSessionCannotBeTouchedBackToLife() {
        DashboardSession session = tokens.issue(USER, MERCHANT).session();

        assertThrows(IllegalStateException.class, () -> session.touch(TestClocks.NOW.plus(Duration.ofMinutes(31))));
    }

    @Test
    void aCsrfTokenIsAcceptedForItsOwnFormOfItsOwnSessionOnly() {
        DashboardSession session = tokens.issue(USER, MERCHANT).session();
        DashboardSession otherSession = tokens.issue(USER, MERCHANT).session();
        String csrf = tokens.csrfToken(session, CREATE_KEY);

        assertTrue(csrf.matches("[A-Za-z0-9_-]{43}"), csrf);
        assertTrue(tokens.csrfTokenMatches(session, CREATE_KEY, csrf));
        assertEquals(csrf, tokens.csrfToken(session, CREATE_KEY), "a reloaded page gets the same token");
        assertFalse(tokens.csrfTokenMatches(session, CHANGE_PASSWORD, csrf), "another form");
        assertFalse(tokens.csrfTokenMatches(otherSession, CREATE_KEY, csrf), "another session");
    }

    @Test
    void missingOrAlteredCsrfTokensAreRefused() {
        DashboardSession session = tokens.issue(USER, MERCHANT).session();
        String csrf = tokens.csrfToken(session, CREATE_KEY);
        char last = csrf.charAt(csrf.length() - 1);

        assertFalse(tokens.csrfTokenMatches(session, CREATE_KEY, null));
        assertFalse(tokens.csrfTokenMatches(session, CREATE_KEY, ""));
        assertFalse(tokens.csrfTokenMatches(session, CREATE_KEY, csrf.substring(1)));
        assertFalse(tokens.csrfTokenMatches(session, CREATE_KEY, csrf + "A"));
        assertFalse(tokens.csrfTokenMatches(session, CREATE_KEY,
                csrf.substring(0, csrf.length() - 1) + (last == 'A' ? 'B' : 'A')));
    }

    @Test
    void printingASessionShowsNeitherItsTokenNorItsCsrfSecret() {
        IssuedDashboardSession issued = tokens.issue(USER, MERCHANT);

        assertFalse(issued.toString().contains(issued.token()));
        assertFalse(issued.toString().contains(issued.session().csrfSecret()));
        assertFalse(issued.session().toString().contains(issued.session().csrfSecret()));
        assertTrue(issued.toString().contains(MERCHANT));
    }

    /** Every byte zero, for a known answer. */
    private static final class ZeroRandom extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
