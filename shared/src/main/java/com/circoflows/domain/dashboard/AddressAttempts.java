package com.circoflows.domain.dashboard;

/**
 * Sign-in failures from one client address in the fixed window starting at {@code windowStart} (epoch
 * second); a record of an earlier window counts as none in the current one.
 */
public record AddressAttempts(long windowStart, int failures) {
    /** What a store answers for an address it does not hold. */
    public static final AddressAttempts NONE = new AddressAttempts(0, 0);

    public AddressAttempts {
        if (failures < 0) {
            throw new IllegalArgumentException("failures cannot be negative, got " + failures);
        }
    }

    int failuresIn(long currentWindowStart) {
        return windowStart == currentWindowStart ? failures : 0;
    }
}
