package com.circoflows.domain.dashboard;

/**
 * A TOTP secret offered to a user, not yet stored: show {@code secret.base32()} (or the URI as a QR
 * code), then pass the same secret with a code to {@link DashboardAccounts#confirmTotp}.
 */
public record TotpEnrolment(TotpSecret secret, String otpauthUri) {
    /** The URI carries the secret. */
    @Override
    public String toString() {
        return "TotpEnrolment[hidden]";
    }
}
