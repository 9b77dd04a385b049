package com.circoflows.domain.gateway;

/**
 * Where a refund's money goes back through: the card gateway for card payments, outbound bank transfers for
 * bank-transfer payments. Both are idempotent on the refund id.
 */
public interface RefundProcessor {

    /** Starts a refund, once per refund id: asked again with the same id, it answers as the refund stands. */
    RefundResult refund(GatewayRefund refund);

    /** How a refund started earlier stands now (the settle step asks about pending ones). */
    RefundResult refundStatus(GatewayRefund refund);
}
