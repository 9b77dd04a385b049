package com.circoflows.benchmarks.load;

/**
 * What one load request does, how often (weights out of 100), and the status a correct API answers.
 * A replay resends an earlier payment with its Idempotency-Key and must answer exactly as the first.
 */
enum Operation {
    PAY_SUCCESS(28, 200),
    PAY_DECLINE(12, 400),
    PAY_THREE_D_SECURE(12, 202),
    /** capture_method manual: authorised, captured later by CAPTURE. */
    PAY_MANUAL(6, 200),
    /** All or part of an earlier manual payment, once. */
    CAPTURE(5, 200),
    /** Part of a captured payment, or all that is left; 400 invalid_amount once nothing is left. */
    REFUND(8, 200),
    PAY_REPLAY(5, -1),
    READ_STATUS(14, 200),
    CREATE_SESSION(7, 200),
    READ_SESSION(3, 200);

    private final int weight;
    private final int expectedStatus;

    Operation(int weight, int expectedStatus) {
        this.weight = weight;
        this.expectedStatus = expectedStatus;
    }

    /** The status this operation must answer; -1 when it is that of the request it repeats. */
    int expectedStatus() {
        return expectedStatus;
    }

    boolean isNewPayment() {
        return this == PAY_SUCCESS || this == PAY_DECLINE || this == PAY_THREE_D_SECURE || this == PAY_MANUAL;
    }

    /** {@code roll} in [0, 100). */
    static Operation forRoll(int roll) {
        int bound = 0;
        for (Operation operation : values()) {
            bound += operation.weight;
            if (roll < bound) {
                return operation;
            }
        }
        throw new IllegalStateException("weights must add up to 100");
    }
}
