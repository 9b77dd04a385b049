package com.circoflows.domain.gateway;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.wallet.DeviceCryptogram;
import java.util.Objects;

/**
 * One charge to authorize.
 *
 * @param transactionId our transaction id; the gateway uses it as the idempotency key, so a retried
 *     request cannot charge the card twice
 * @param cryptogram a wallet device token's one-time cryptogram (the issuer authenticated the customer on
 *     the device, so no 3-D Secure challenge follows), or null
 */
public record GatewayAuthorization(String transactionId, String merchantId, Mode mode, Money amount,
        CardDetails card, DeviceCryptogram cryptogram) {

    public GatewayAuthorization(String transactionId, String merchantId, Mode mode, Money amount, CardDetails card) {
        this(transactionId, merchantId, mode, amount, card, null);
    }

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
