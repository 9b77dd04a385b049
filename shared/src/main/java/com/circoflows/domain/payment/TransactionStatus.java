package com.circoflows.domain.payment;

/**
 * Where a payment stands. pending exists only while 3-D Secure is outstanding; authorized only for
 * payments made with capture_method manual, until captured or canceled. The moves between them are
 * {@link Transaction}'s operations; this enum only names the states and what they mean for money.
 */
public enum TransactionStatus {
    PENDING("pending"),
    AUTHORIZED("authorized"),
    COMPLETED("completed"),
    PARTIALLY_REFUNDED("partially_refunded"),
    REFUNDED("refunded"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String wireName;

    TransactionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Money moved: the payment was captured, whatever has been refunded since. */
    public boolean isCaptured() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** The issuer approved the payment (captured or still only authorised). */
    public boolean isApproved() {
        return this == AUTHORIZED || isCaptured();
    }

    public static TransactionStatus fromWireName(String value) {
        for (TransactionStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown transaction status " + value);
    }
}
