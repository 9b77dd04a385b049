package com.circoflows.domain.gateway;

/** How the test-mode processor will answer refunds of an authorisation, decided by its card when authorised. */
public enum RefundBehaviour {
    SUCCEEDS("succeeds"),
    FAILS("fails"),
    STAYS_PENDING("stays_pending");

    private final String wireName;

    RefundBehaviour(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RefundBehaviour fromWireName(String value) {
        for (RefundBehaviour behaviour : values()) {
            if (behaviour.wireName.equals(value)) {
                return behaviour;
            }
        }
        throw new IllegalArgumentException("unknown refund behaviour " + value);
    }
}
