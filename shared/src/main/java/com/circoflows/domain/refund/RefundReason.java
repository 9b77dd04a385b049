package com.circoflows.domain.refund;

import java.util.Optional;

/** Why the merchant refunds, in Stripe's vocabulary, so reports from both read the same. */
public enum RefundReason {
    DUPLICATE("duplicate"),
    FRAUDULENT("fraudulent"),
    REQUESTED_BY_CUSTOMER("requested_by_customer");

    private final String wireName;

    RefundReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RefundReason> fromWireName(String value) {
        for (RefundReason reason : values()) {
            if (reason.wireName.equals(value)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
