package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.ids.RandomIds;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DashboardSessionRepository} must do, run against the in-memory fake and the DynamoDB
 * adapter alike. Stores may be shared between tests, so each test uses fresh token hashes and user ids.
 */
public abstract class DashboardSessionRepositoryContract {
    protected static final Instant CREATED_AT = Instant.parse("2030-03-04T05:06:07.089Z");

    /** The store under test; the same instance for the whole test. */
    protected abstract DashboardSessionRepository sessions();

    @Test
    public void savedSessionIsFoundByItsTokenHashAsSaved() {
        DashboardSession session = session(userId(), false);
        DashboardSession pending = session(userId(), true);

        sessions().save(session);
        sessions().save(pending);

        assertEquals(session, sessions().find(session.tokenHash()).orElseThrow());
        assertEquals(pending, sessions().find(pending.tokenHash()).orElseThrow());
    }

    @Test
    public void unknownTokenHashIsEmpty() {
        assertTrue(sessions().find(tokenHash()).isEmpty());
    }

    @Test
    public void touchMovesLastSeenAtAndNothingElse() {
        DashboardSession session = session(userId(), false);
        sessions().save(session);
        Instant later = CREATED_AT.plusSeconds(90);

        assertTrue(sessions().touch(session.tokenHash(), later));

        assertEquals(session.touch(later).orElseThrow(), sessions().find(session.tokenHash()).orElseThrow());
    }

    @Test
    public void touchingASessionThatIsGoneCreatesNothing() {
        DashboardSession session = session(userId(), false);
        sessions().save(session);
        sessions().delete(session.tokenHash());

        assertFalse(sessions().touch(session.tokenHash(), CREATED_AT.plusSeconds(90)));
        assertFalse(sessions().touch(tokenHash(), CREATED_AT.plusSeconds(90)));

        assertTrue(sessions().find(session.tokenHash()).isEmpty());
        assertEquals(List.of(), sessions().listForUser(session.userId()));
    }

    @Test
    public void deleteRemovesOnlyThatSessionAndDeletingNothingIsFine() {
        String userId = userId();
        DashboardSession gone = session(userId, false);
        DashboardSession kept = session(userId, false);
        sessions().save(gone);
        sessions().save(kept);

        sessions().delete(gone.tokenHash());
        sessions().delete(gone.tokenHash());
        sessions().delete(tokenHash());

        assertTrue(sessions().find(gone.tokenHash()).isEmpty());
        assertEquals(kept, sessions().find(kept.tokenHash()).orElseThrow());
    }

    @Test
    public void listForUserHoldsTheUsersSessionsPendingAndExpiredOnesIncluded() {
        String userId = userId();
        DashboardSession active = session(userId, false);
        DashboardSession pending = session(userId, true);
        DashboardSession expired = new DashboardSession(tokenHash(), userId, "mch_expired", CREATED_AT.minusSeconds(86_400),
                CREATED_AT.minusSeconds(86_400), CREATED_AT.minusSeconds(43_200), "csrf-" + RandomIds.base62(20), false);
        DashboardSession someoneElses = session(userId(), false);
        List.of(active, pending, expired, someoneElses).forEach(sessions()::save);

        assertEquals(Set.of(active, pending, expired), Set.copyOf(sessions().listForUser(userId)));
        assertEquals(List.of(), sessions().listForUser(userId()));
    }

    @Test
    public void deleteAllForUserSignsOutEverySessionPendingOnesTooAndNoOneElse() {
        String userId = userId();
        DashboardSession first = session(userId, false);
        DashboardSession second = session(userId, false);
        DashboardSession pending = session(userId, true);
        DashboardSession someoneElses = session(userId(), false);
        List.of(first, second, pending, someoneElses).forEach(sessions()::save);

        sessions().deleteAllForUser(userId);

        for (DashboardSession session : List.of(first, second, pending)) {
            assertTrue(sessions().find(session.tokenHash()).isEmpty(), session.toString());
        }
        assertEquals(List.of(), sessions().listForUser(userId));
        assertEquals(someoneElses, sessions().find(someoneElses.tokenHash()).orElseThrow());
        sessions().deleteAllForUser(userId());
    }

    protected static DashboardSession session(String userId, boolean pending) {
        return new DashboardSession(tokenHash(), userId, "mch_" + RandomIds.base62(16), CREATED_AT, CREATED_AT,
                CREATED_AT.plus(pending ? DashboardSession.PENDING_LIFETIME : DashboardSession.ABSOLUTE_LIFETIME),
                "csrf-" + RandomIds.base62(38), pending);
    }

    protected static String tokenHash() {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        return HexFormat.of().formatHex(hash);
    }

    protected static String userId() {
        return DashboardUser.ID_PREFIX + RandomIds.base62(20);
    }
}
