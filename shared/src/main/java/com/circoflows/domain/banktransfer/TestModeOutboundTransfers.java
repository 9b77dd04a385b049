package com.circoflows.domain.banktransfer;

import com.circoflows.domain.gateway.GatewayRefund;
import com.circoflows.domain.gateway.RefundProcessor;
import com.circoflows.domain.gateway.RefundResult;

/**
 * Test mode's outbound transfers, the way a bank-transfer payment is refunded: sent, a transfer is pending
 * (banks take hours to days); asked again, by the scheduled settlement a minute or more later, it has
 * arrived. Stateless: the transfer's id is derived from the refund's, so asking twice is harmless.
 */
public final class TestModeOutboundTransfers implements RefundProcessor {
    static final String PREFIX = "otr_";

    @Override
    public RefundResult refund(GatewayRefund refund) {
        return new RefundResult.Pending(transferId(refund));
    }

    @Override
    public RefundResult refundStatus(GatewayRefund refund) {
        return new RefundResult.Succeeded(transferId(refund));
    }

    private static String transferId(GatewayRefund refund) {
        return PREFIX + refund.refundId().replaceFirst("^re_", "");
    }
}
