package com.circoflows.domain.gateway;

/**
 * The two documented refund test cards (as Stripe's): payments with them are approved, and their
 * refunds fail or stay pending; every other card's refunds succeed. The test-mode processor notes this
 * in its ledger when it authorises, as a real processor keeps the card on its side: a refund never
 * needs the card number again.
 */
public final class TestRefundCards {
    /** Approves payments; their refunds fail (refund.failed) and the amount can be refunded again. */
    public static final String REFUND_FAILS = "4000000000005126";
    /** Approves payments; their refunds stay pending until the scheduled settlement finds them succeeded. */
    public static final String REFUND_STAYS_PENDING = "4000000000007726";

    private TestRefundCards() {
    }

    static RefundBehaviour behaviourOf(String cardDigits) {
        return switch (cardDigits) {
            case REFUND_FAILS -> RefundBehaviour.FAILS;
            case REFUND_STAYS_PENDING -> RefundBehaviour.STAYS_PENDING;
            default -> RefundBehaviour.SUCCEEDS;
        };
    }
}
