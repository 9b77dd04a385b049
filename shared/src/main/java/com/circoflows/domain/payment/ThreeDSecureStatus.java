package com.circoflows.domain.payment;

/** What really happened on the challenge page; confirm-3ds is checked against this. */
public enum ThreeDSecureStatus {
    NOT_REQUIRED("not_required"),
    REQUIRED("required"),
    AUTHENTICATED("authenticated"),
    FAILED("failed");

    private final String wireName;

    ThreeDSecureStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ThreeDSecureStatus fromWireName(String value) {
        for (ThreeDSecureStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown 3-D Secure status " + value);
    }
}
