package com.circoflows.domain.dashboard;

import java.time.Instant;

/** Sign-in failures in a row for one email, and when the latest one was. */
public record AccountAttempts(int consecutiveFailures, Instant lastFailureAt) {
    /** No failure since the last success, or none ever: what a store answers for an email it does not hold. */
    public static final AccountAttempts NONE = new AccountAttempts(0, null);

    public AccountAttempts {
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("failures cannot be negative, got " + consecutiveFailures);
        }
        if ((consecutiveFailures == 0) != (lastFailureAt == null)) {
            throw new IllegalArgumentException("a failure count needs a time of the latest failure, and only then");
        }
    }

    AccountAttempts plusFailureAt(Instant at) {
        return new AccountAttempts(consecutiveFailures + 1, at);
    }
}
