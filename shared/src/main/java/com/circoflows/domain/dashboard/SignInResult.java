package com.circoflows.domain.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What a sign-in step ({@link DashboardAccounts#signIn}, {@link DashboardAccounts#completeSecondFactor}) led to. */
public sealed interface SignInResult {

    /**
     * Signed in: set {@code session.token()} as the cookie. A fresh token at every sign-in, so a token
     * planted before it (session fixation) is worth nothing.
     *
     * @param usedRecoveryCode the second factor was a recovery code: the page should say how many are left
     *                         ({@code user.recoveryCodeHashes().size()}) and suggest making new ones
     */
    record SignedIn(DashboardUser user, IssuedDashboardSession session, boolean usedRecoveryCode)
            implements SignInResult {
        public SignedIn {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(session, "session");
        }

        /** The user signed in with a setup password from an invitation and must choose their own now. */
        public boolean mustChangePassword() {
            return user.mustChangePassword();
        }
    }

    /**
     * The password was right and the user has TOTP: ask for a code, and send it back with
     * {@code pendingToken} (in a cookie or a hidden field) before {@code expiresAt}.
     */
    record SecondFactorNeeded(String pendingToken, Instant expiresAt) implements SignInResult {
        public SecondFactorNeeded {
            Objects.requireNonNull(pendingToken, "pendingToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "SecondFactorNeeded[expiresAt=" + expiresAt + "]";
        }
    }

    /** Not signed in; the reason is as specific as is safe to show. */
    record Refused(Reason reason) implements SignInResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        public String message() {
            return reason.message();
        }
    }

    /**
     * Too many wrong attempts for this email or from this address: nothing was checked. The page should
     * say when to try again.
     */
    record Throttled(LoginLimit limit, Duration retryAfter) implements SignInResult {
        public Throttled {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public String message() {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            return "Too many attempts. Try again in " + (seconds < 120 ? seconds + " seconds."
                    : (seconds + 59) / 60 + " minutes.");
        }
    }

    enum Reason {
        /** One answer for an unknown email and a wrong password, so that nobody learns who has an account. */
        WRONG_EMAIL_OR_PASSWORD("Wrong email or password."),
        WRONG_CODE("That code is not right. Try the current code from your app, or a recovery code."),
        /** The pending sign-in is unknown, used or older than five minutes: start again with the password. */
        SIGN_IN_EXPIRED("This sign-in has expired. Sign in again.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
