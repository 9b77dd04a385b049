package com.circoflows.domain.refund;

import java.util.Map;

/**
 * A validated request to refund.
 *
 * @param amountMinorUnits in the payment's currency; null refunds everything not yet refunded
 * @param reason           null when not given
 */
public record RefundRequest(Long amountMinorUnits, RefundReason reason, Map<String, Object> metadata) {

    public RefundRequest {
        metadata = metadata == null ? Map.of() : metadata;
        if (amountMinorUnits != null && amountMinorUnits <= 0) {
            throw new IllegalArgumentException("a refund amount is positive");
        }
    }
}
