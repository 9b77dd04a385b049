package com.circoflows.domain.session;

/** A hosted payment session's life: pending until paid, cancelled by the merchant, or past expires_at. */
public enum SessionStatus {
    PENDING("pending"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    EXPIRED("expired");

    private final String wireName;

    SessionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SessionStatus fromWireName(String wireName) {
        for (SessionStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown session status " + wireName);
    }

    public boolean isFinal() {
        return this != PENDING;
    }
}
