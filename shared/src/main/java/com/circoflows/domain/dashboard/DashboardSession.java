package com.circoflows.domain.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in dashboard session as stored: keyed by the SHA-256 of its token (so a leak of the store
 * signs nobody in), with the secret its CSRF tokens are made from, which never leaves the server.
 *
 * @param tokenHash  lower-case hex SHA-256 of the cookie's token: the store's key
 * @param expiresAt  the end of its absolute lifetime, however active it is
 * @param csrfSecret 256 random bits, unpadded base64url
 * @param pendingSecondFactor true for a sign-in whose password was right but whose second factor is still
 *                   to come: it lives {@link #PENDING_LIFETIME} and signs nobody in, it only lets its
 *                   holder try a code
 */
public record DashboardSession(String tokenHash, String userId, String merchantId, Instant createdAt,
        Instant lastSeenAt, Instant expiresAt, String csrfSecret, boolean pendingSecondFactor) {
    public static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);
    /** Time to open the authenticator app and type a code, after the password was accepted. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    /**
     * Activity moves {@code lastSeenAt} at most this often, so a busy page costs a write a minute rather
     * than one per request; the idle timeout is then at worst a minute shorter, never longer.
     */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    public DashboardSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(csrfSecret, "csrfSecret");
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(lastSeenAt.plus(IDLE_TIMEOUT)) || !now.isBefore(expiresAt);
    }

    /**
     * The session seen active at {@code now}, to be saved; empty when it was seen less than
     * {@link #TOUCH_INTERVAL} ago and nothing needs writing.
     *
     * @throws IllegalStateException when it has expired: an expired session is ended, never revived
     */
    public Optional<DashboardSession> touch(Instant now) {
        if (isExpired(now)) {
            throw new IllegalStateException("the session has expired");
        }
        if (Duration.between(lastSeenAt, now).compareTo(TOUCH_INTERVAL) < 0) {
            return Optional.empty();
        }
        return Optional.of(new DashboardSession(tokenHash, userId, merchantId, createdAt, now, expiresAt, csrfSecret,
                pendingSecondFactor));
    }

    /** Without the CSRF secret, so that logging a session hands nobody its forms. */
    @Override
    public String toString() {
        return "DashboardSession[tokenHash=" + tokenHash + ", userId=" + userId + ", merchantId=" + merchantId
                + ", createdAt=" + createdAt + ", lastSeenAt=" + lastSeenAt + ", expiresAt=" + expiresAt
                + ", pendingSecondFactor=" + pendingSecondFactor + "]";
    }
}
