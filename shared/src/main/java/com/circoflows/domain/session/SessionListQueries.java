package com.circoflows.domain.session;

import com.circoflows.domain.merchant.AuthenticatedKey;
import java.time.Clock;

/** GET /api/hosted-payment: the caller's own sessions in the caller key's mode, nobody else's. */
public final class SessionListQueries {
    private final PaymentSessionListRepository sessions;
    private final Clock clock;

    public SessionListQueries(PaymentSessionListRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A page of the caller's sessions (of {@code status} if not null), each as it is now: a pending
     * session past its expires_at is shown expired. Listing stores nothing.
     */
    public SessionPage list(AuthenticatedKey caller, SessionStatus status, int limit, String cursor) {
        SessionListFilter filter = new SessionListFilter(status, clock.instant());
        SessionPage page = sessions.list(caller.merchantId(), caller.mode(), filter, limit, cursor);
        // The repository reads only the caller's partitions; this check keeps a bug there from showing
        // another tenant's session.
        boolean foreign = page.sessions().stream().anyMatch(session -> !session.belongsTo(caller.merchantId())
                || session.mode() != caller.mode() || !filter.matches(session));
        if (foreign) {
            throw new IllegalStateException("the session list read a session outside the caller's scope or filter");
        }
        return new SessionPage(page.sessions().stream().map(session -> session.asOf(filter.now())).toList(),
                page.nextCursor());
    }
}
