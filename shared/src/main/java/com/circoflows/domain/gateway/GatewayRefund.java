package com.circoflows.domain.gateway;

import com.circoflows.domain.money.Money;
import java.util.Objects;

/**
 * Money to send back to the card of a captured payment.
 *
 * @param refundId our refund id; the gateway uses it as the idempotency key, so a retried refund can
 *                 never send the money twice
 */
public record GatewayRefund(String refundId, String transactionId, String gatewayTransactionId, Money amount) {

    public GatewayRefund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a refund moves money");
        }
    }
}
