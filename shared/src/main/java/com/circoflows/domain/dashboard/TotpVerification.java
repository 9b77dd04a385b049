package com.circoflows.domain.dashboard;

/** What {@link Totp#verify} made of a typed code. */
public sealed interface TotpVerification {

    /**
     * The code belongs to {@code step}. Store it as the user's last used step: a code of that step or
     * an earlier one is then refused, so an overheard code cannot be replayed.
     */
    record Accepted(long step) implements TotpVerification {
    }

    /** Tell the user only that the code was wrong; the reason is for counting and tests. */
    record Refused(Reason reason) implements TotpVerification {
    }

    enum Reason {
        /** Not exactly the expected number of ASCII digits, spaces aside. */
        MALFORMED,
        /** No step in the drift window gives this code. */
        WRONG_CODE,
        /** The code is right but its step was already used. */
        ALREADY_USED
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
