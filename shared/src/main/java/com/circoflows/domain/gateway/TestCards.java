package com.circoflows.domain.gateway;

/**
 * The test-mode card numbers from the architecture's test card table. Any other valid number
 * behaves like {@link #SUCCESS}.
 */
public final class TestCards {

    public static final String SUCCESS = "4242424242424242";
    public static final String DECLINED = "4000000000000002";
    public static final String THREE_D_SECURE_REQUIRED = "4000000000003220";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    public static final String EXPIRED_CARD = "4000000000000069";
    public static final String INCORRECT_CVC = "4000000000000127";
    public static final String PROCESSING_ERROR = "4000000000000119";
    /** Stopped by the fraud screen before any gateway call; the gateway itself approves it. */
    public static final String BLOCKED_BY_FRAUD_RULES = "4100000000000019";

    private TestCards() {
    }
}
