package com.circoflows.domain.payment;

import java.util.Optional;

/** Whether an approved payment is captured at once or waits for the merchant's capture (or cancel). */
public enum CaptureMethod {
    AUTOMATIC("automatic"),
    MANUAL("manual");

    private final String wireName;

    CaptureMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CaptureMethod> fromWireName(String value) {
        for (CaptureMethod method : values()) {
            if (method.wireName.equals(value)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
