package com.circoflows.domain.dashboard;

import java.time.Duration;
import java.util.Objects;

/**
 * Why {@link DashboardAccounts} did not do what a page asked, with words the page can show. Nothing
 * the user typed is repeated in it.
 *
 * @param passwordRefusal for {@link Reason#WEAK_PASSWORD}: which rule the new password broke; else null
 * @param retryAfter      for {@link Reason#TOO_MANY_ATTEMPTS}: how long to wait; else null
 */
public record AccountRefusal(Reason reason, PasswordRefusal passwordRefusal, Duration retryAfter) {

    public enum Reason {
        INVALID_EMAIL("Enter an email address such as name@example.com."),
        /** Said plainly: a sign-up form cannot hide it without sending email, which it does not yet. */
        EMAIL_TAKEN("An account already uses this email address. Sign in, or use another address."),
        INVALID_BUSINESS_NAME("Enter your business name, 1 to 100 characters."),
        WEAK_PASSWORD("Choose another password."),
        WRONG_PASSWORD("Your current password is not right."),
        WRONG_CODE("That code is not right. Check your authenticator app and try again."),
        TOO_MANY_ATTEMPTS("Too many wrong attempts. Wait a moment and try again."),
        TOTP_ALREADY_ENABLED("Two-step sign-in is already on. Turn it off first to set up a new app."),
        TOTP_NOT_ENABLED("Two-step sign-in is not on."),
        NOT_ALLOWED("Only an owner of the account can do this."),
        USER_NOT_FOUND("There is no such user in this account."),
        LAST_OWNER("An account needs an owner. Make someone else an owner first."),
        CHANGED_MEANWHILE("This account was changed at the same moment. Reload the page and try again.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    public AccountRefusal {
        Objects.requireNonNull(reason, "reason");
        if ((reason == Reason.WEAK_PASSWORD) != (passwordRefusal != null)) {
            throw new IllegalArgumentException("a password refusal comes with WEAK_PASSWORD, and only then");
        }
        if ((reason == Reason.TOO_MANY_ATTEMPTS) != (retryAfter != null)) {
            throw new IllegalArgumentException("a wait comes with TOO_MANY_ATTEMPTS, and only then");
        }
    }

    public static AccountRefusal of(Reason reason) {
        return new AccountRefusal(reason, null, null);
    }

    public static AccountRefusal weakPassword(PasswordRefusal refusal) {
        return new AccountRefusal(Reason.WEAK_PASSWORD, refusal, null);
    }

    public static AccountRefusal tooManyAttempts(Duration retryAfter) {
        return new AccountRefusal(Reason.TOO_MANY_ATTEMPTS, null, retryAfter);
    }

    /** What the page shows. */
    public String message() {
        return passwordRefusal != null ? passwordRefusal.message() : reason.message();
    }
}
