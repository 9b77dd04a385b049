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
 * @param refundBehaviour how this processor answers the authorisation's refunds (test mode: by the card)
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
        Instant touchedAt,
        RefundBehaviour refundBehaviour) {

    /** An authorisation whose refunds succeed, as every card's but the refund test cards' do. */
    public AuthorizationRecord(String transactionId, String merchantId, Mode mode, Money amount, GatewayResult answer,
            AuthorizationState state, Instant createdAt, Instant touchedAt) {
        this(transactionId, merchantId, mode, amount, answer, state, createdAt, touchedAt, RefundBehaviour.SUCCEEDS);
    }

    public AuthorizationRecord {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(touchedAt, "touchedAt");
        refundBehaviour = refundBehaviour == null ? RefundBehaviour.SUCCEEDS : refundBehaviour;
    }

    static AuthorizationRecord first(GatewayAuthorization authorization, GatewayResult answer, Instant at) {
        return new AuthorizationRecord(authorization.transactionId(), authorization.merchantId(),
                authorization.mode(), authorization.amount(), answer, AuthorizationState.after(answer), at, at,
                TestRefundCards.behaviourOf(authorization.card().number().revealDigits()));
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
