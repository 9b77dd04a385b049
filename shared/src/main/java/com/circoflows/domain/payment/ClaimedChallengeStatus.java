package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;

/** The 3-D Secure outcome a merchant reports in confirm-3ds; checked, never trusted. */
public enum ClaimedChallengeStatus {
    SUCCESS("success"),
    FAILED("failed"),
    PENDING("pending");

    private final String wireName;

    ClaimedChallengeStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ClaimedChallengeStatus parse(String value) {
        for (ClaimedChallengeStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw ApiException.invalidParam("status", "The status must be one of success, failed, pending.");
    }
}
