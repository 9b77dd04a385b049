package com.circoflows.domain.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where dashboard sessions (and sign-ins waiting for their second factor) are kept, by the hash of
 * their token. Expired items may linger until the store's TTL removes them: callers check expiry.
 */
public interface DashboardSessionRepository {
    /** Stores a new session under its token hash. */
    void save(DashboardSession session);

    Optional<DashboardSession> find(String tokenHash);

    /**
     * Moves {@code lastSeenAt} of a session that still exists; false, creating nothing, when it is gone.
     * Not a {@link #save}: a page that touches a session while the user signs out must not bring it back.
     */
    boolean touch(String tokenHash, Instant lastSeenAt);

    /** Nothing happens when there is no such session. */
    void delete(String tokenHash);

    /** Signs the user out everywhere, pending second-factor sign-ins included. */
    void deleteAllForUser(String userId);

    /** The user's sessions, pending and expired ones included, in no particular order. */
    List<DashboardSession> listForUser(String userId);
}
