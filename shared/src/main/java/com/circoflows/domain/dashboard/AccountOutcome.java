package com.circoflows.domain.dashboard;

/** What an account operation did: {@link Done} with its result, or {@link Refused} with a reason to show. */
public sealed interface AccountOutcome<T> permits AccountOutcome.Done, AccountOutcome.Refused {

    record Done<T>(T value) implements AccountOutcome<T> {
    }

    record Refused<T>(AccountRefusal refusal) implements AccountOutcome<T> {
    }

    static <T> AccountOutcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> AccountOutcome<T> refused(AccountRefusal.Reason reason) {
        return new Refused<>(AccountRefusal.of(reason));
    }

    static <T> AccountOutcome<T> refused(AccountRefusal refusal) {
        return new Refused<>(refusal);
    }

    default boolean isDone() {
        return this instanceof Done;
    }

    /** @throws IllegalStateException when refused: for callers that have already checked {@link #isDone} */
    default T value() {
        if (this instanceof Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException("refused: " + ((Refused<T>) this).refusal().reason());
    }

    /** The refusal, or null when done. */
    default AccountRefusal refusal() {
        return this instanceof Refused<T> refused ? refused.refusal() : null;
    }
}
