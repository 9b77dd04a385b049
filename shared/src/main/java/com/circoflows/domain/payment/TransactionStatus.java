package com.circoflows.domain.payment;

import java.util.Set;

/** The transaction life cycle. pending exists only while 3-D Secure is outstanding. */
public enum TransactionStatus {
    PENDING("pending"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String wireName;

    TransactionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public Set<TransactionStatus> allowedNext() {
        return switch (this) {
            case PENDING -> Set.of(COMPLETED, FAILED);
            case COMPLETED, FAILED -> Set.of();
        };
    }

    public boolean canMoveTo(TransactionStatus next) {
        return allowedNext().contains(next);
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
