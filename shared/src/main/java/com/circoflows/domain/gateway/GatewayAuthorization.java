package com.circoflows.domain.gateway;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import java.util.Objects;

/**
 * One charge to authorize.
 *
 * @param transactionId our transaction id; the gateway uses it as the idempotency key, so a retried
 *     request cannot charge the card twice
 */
public record GatewayAuthorization(String transactionId, String merchantId, Mode mode, Money amount,
        CardDetails card) {

    public GatewayAuthorization {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(card, "card");
        if (transactionId.isBlank()) {
            throw new IllegalArgumentException("transactionId must not be blank");
        }
    }
}
