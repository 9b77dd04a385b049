package com.circoflows.domain.refund;

/** pending until the processor settles it; succeeded and failed are final. */
public enum RefundStatus {
    PENDING("pending"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String wireName;

    RefundStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RefundStatus fromWireName(String value) {
        for (RefundStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown refund status " + value);
    }
}
