package com.circoflows.domain.gateway;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * The gateway's own record of one authorisation, keyed by our transaction id as a processor keys
 * requests by their idempotency key. It holds no card data.
 *
 * @param answer what the gateway answered first, which it answers again for the same transaction id
 * @param touchedAt when a request last authorised under this id (the first time, or a retry that was
 *     answered from this record): reconciliation leaves an authorisation alone for its grace after that
 */
public record AuthorizationRecord(
        String transactionId,
        String merchantId,
        Mode mode,
        Money amount,
        GatewayResult answer,
        AuthorizationState state,
        Instant createdAt,
        Instant touchedAt) {

    public AuthorizationRecord {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(touchedAt, "touchedAt");
    }

    static AuthorizationRecord first(GatewayAuthorization authorization, GatewayResult answer, Instant at) {
        return new AuthorizationRecord(authorization.transactionId(), authorization.merchantId(),
                authorization.mode(), authorization.amount(), answer, AuthorizationState.after(answer), at, at);
    }

    public String gatewayTransactionId() {
        return answer.gatewayTransactionId();
    }

    /** Whether {@code authorization} is the one recorded here, asked again (same merchant and amount). */
    boolean sameAs(GatewayAuthorization authorization) {
        return merchantId.equals(authorization.merchantId()) && mode == authorization.mode()
                && amount.equals(authorization.amount());
    }
}
