package com.circoflows.benchmarks.load;

/**
 * What one load request does, how often (weights out of 100), and the status a correct API answers.
 * A replay resends an earlier payment with its Idempotency-Key and must answer exactly as the first.
 */
enum Operation {
    PAY_SUCCESS(35, 200),
    PAY_DECLINE(15, 400),
    PAY_THREE_D_SECURE(15, 202),
    PAY_REPLAY(5, -1),
    READ_STATUS(18, 200),
    CREATE_SESSION(8, 200),
    READ_SESSION(4, 200);

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
        return this == PAY_SUCCESS || this == PAY_DECLINE || this == PAY_THREE_D_SECURE;
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
