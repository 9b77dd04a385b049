package com.circoflows.domain.dashboard;

import com.circoflows.domain.ids.RandomIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person who signs in to a merchant's dashboard. Each change makes a copy with {@code version} one
 * higher, written with {@link DashboardUserRepository#update} against the version it was read at, so
 * two changes made at once cannot both be kept (a TOTP step or a recovery code used twice, say).
 *
 * @param email             normalised: NFC, stripped, lower case; unique across all merchants
 * @param displayName       the name the user goes by, or null when none was given (pages show the email)
 * @param passwordHash      a {@link PasswordHasher} hash
 * @param passwordChangedAt when the password was last set: sessions older than this are not honoured
 * @param mustChangePassword the password is a one-time setup password from an invitation
 * @param totpSecret        base32 of the TOTP secret, or null when the user has no second factor
 * @param totpLastUsedStep  the step of the latest accepted code, {@link Totp#NO_STEP_USED} for none
 * @param recoveryCodeHashes the stored forms of the unused recovery codes; empty without TOTP
 */
public record DashboardUser(String userId, String merchantId, String email, String displayName, DashboardRole role,
        String passwordHash, Instant createdAt, Instant passwordChangedAt, boolean mustChangePassword,
        String totpSecret, long totpLastUsedStep, List<String> recoveryCodeHashes, long version) {
    public static final String ID_PREFIX = "usr_";
    static final int ID_RANDOM_LENGTH = 20;

    public DashboardUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        recoveryCodeHashes = recoveryCodeHashes == null ? List.of() : List.copyOf(recoveryCodeHashes);
        if (totpSecret == null && (!recoveryCodeHashes.isEmpty() || totpLastUsedStep != Totp.NO_STEP_USED)) {
            throw new IllegalArgumentException("recovery codes and a last used step come only with a TOTP secret");
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
    }

    /** A user as first stored: version 1, no second factor. */
    static DashboardUser newUser(String merchantId, String email, DashboardRole role, String passwordHash,
            boolean mustChangePassword, Instant now) {
        return new DashboardUser(RandomIds.withPrefix(ID_PREFIX, ID_RANDOM_LENGTH), merchantId, email, null, role,
                passwordHash, now, now, mustChangePassword, null, Totp.NO_STEP_USED, List.of(), 1);
    }

    public boolean totpEnabled() {
        return totpSecret != null;
    }

    /** A new password chosen by the user: it counts from {@code at}, and is no longer a setup password. */
    DashboardUser withNewPassword(String hash, Instant at) {
        return new DashboardUser(userId, merchantId, email, displayName, role, hash, createdAt, at, false,
                totpSecret, totpLastUsedStep, recoveryCodeHashes, version + 1);
    }

    /** The same password stored at the current cost: not a change, so no session is affected. */
    DashboardUser withRehashedPassword(String hash) {
        return new DashboardUser(userId, merchantId, email, displayName, role, hash, createdAt, passwordChangedAt,
                mustChangePassword, totpSecret, totpLastUsedStep, recoveryCodeHashes, version + 1);
    }

    DashboardUser withRole(DashboardRole newRole) {
        return new DashboardUser(userId, merchantId, email, displayName, newRole, passwordHash, createdAt,
                passwordChangedAt, mustChangePassword, totpSecret, totpLastUsedStep, recoveryCodeHashes, version + 1);
    }

    DashboardUser withTotp(String secretBase32, long acceptedStep, List<String> recoveryHashes) {
        return new DashboardUser(userId, merchantId, email, displayName, role, passwordHash, createdAt,
                passwordChangedAt, mustChangePassword, secretBase32, acceptedStep, recoveryHashes, version + 1);
    }

    DashboardUser withoutTotp() {
        return new DashboardUser(userId, merchantId, email, displayName, role, passwordHash, createdAt,
                passwordChangedAt, mustChangePassword, null, Totp.NO_STEP_USED, List.of(), version + 1);
    }

    DashboardUser withTotpStepUsed(long step) {
        return new DashboardUser(userId, merchantId, email, displayName, role, passwordHash, createdAt,
                passwordChangedAt, mustChangePassword, totpSecret, step, recoveryCodeHashes, version + 1);
    }

    DashboardUser withoutRecoveryCode(int index) {
        List<String> left = new ArrayList<>(recoveryCodeHashes);
        left.remove(index);
        return new DashboardUser(userId, merchantId, email, displayName, role, passwordHash, createdAt,
                passwordChangedAt, mustChangePassword, totpSecret, totpLastUsedStep, left, version + 1);
    }

    /** Without the password hash, the TOTP secret or the recovery code hashes. */
    @Override
    public String toString() {
        return "DashboardUser[userId=" + userId + ", merchantId=" + merchantId + ", email=" + email
                + ", displayName=" + displayName + ", role=" + role + ", createdAt=" + createdAt
                + ", passwordChangedAt=" + passwordChangedAt + ", mustChangePassword=" + mustChangePassword
                + ", totpEnabled=" + totpEnabled() + ", recoveryCodesLeft=" + recoveryCodeHashes.size()
                + ", version=" + version + "]";
    }
}
