package com.circoflows.domain.gateway;

/** Where an authorisation stands at the gateway. */
public enum AuthorizationState {
    /** Approved: the cardholder is charged. */
    CHARGED("charged"),
    /** Waiting for the cardholder's 3-D Secure challenge; completing it charges the card. */
    PENDING_AUTHENTICATION("pending_authentication"),
    /** Declined or failed at the processor: nothing was or will be charged. */
    NOT_CHARGED("not_charged"),
    /** Cancelled by reconciliation: the cardholder is not charged and it can't be completed. */
    VOIDED("voided");

    private final String wireName;

    AuthorizationState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The cardholder is, or may still be, charged: a payment we have no record of must be voided. */
    public boolean open() {
        return this == CHARGED || this == PENDING_AUTHENTICATION;
    }

    /** Where an authorisation stands right after the gateway gave {@code result}. */
    public static AuthorizationState after(GatewayResult result) {
        if (result instanceof GatewayResult.Approved) {
            return CHARGED;
        }
        if (result instanceof GatewayResult.ThreeDSecureRequired) {
            return PENDING_AUTHENTICATION;
        }
        return NOT_CHARGED;
    }

    public static AuthorizationState fromWireName(String value) {
        for (AuthorizationState state : values()) {
            if (state.wireName.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown authorization state " + value);
    }
}
