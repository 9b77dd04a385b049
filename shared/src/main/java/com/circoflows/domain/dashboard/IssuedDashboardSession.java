package com.circoflows.domain.dashboard;

/**
 * A new session and its token: the token goes into the cookie once and is never stored; the session,
 * keyed by the token's hash, is what the store keeps.
 */
public record IssuedDashboardSession(String token, DashboardSession session) {

    /** Without the token, which signs its holder in. */
    @Override
    public String toString() {
        return "IssuedDashboardSession[session=" + session + "]";
    }
}
