package com.circoflows.domain.gateway;

import java.util.List;

/**
 * The test-mode card numbers from the architecture's test card table. Any other valid number
 * behaves like {@link #SUCCESS} at the gateway.
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
    /** Test mode: trips amount_limit whatever the amount, before any gateway call. */
    public static final String TRIPS_AMOUNT_LIMIT = "4100000000000027";
    /** Test mode: trips card_velocity on its first attempt, before any gateway call. */
    public static final String TRIPS_CARD_VELOCITY = "4100000000000035";
    /** Test mode: trips merchant_velocity on its first attempt, before any gateway call. */
    public static final String TRIPS_MERCHANT_VELOCITY = "4100000000000043";
    /** Test mode: trips card_testing whatever the amount, before any gateway call. */
    public static final String TRIPS_CARD_TESTING = "4100000000000050";

    /**
     * The documented cards whose answer is the gateway's: a merchant's test suite pays them again and
     * again, so in test mode the counting fraud rules (velocity, card testing) never block them.
     */
    public static final List<String> GATEWAY_ANSWERS = List.of(SUCCESS, DECLINED, THREE_D_SECURE_REQUIRED,
            INSUFFICIENT_FUNDS, EXPIRED_CARD, INCORRECT_CVC, PROCESSING_ERROR, TestRefundCards.REFUND_FAILS,
            TestRefundCards.REFUND_STAYS_PENDING);

    private TestCards() {
    }
}
