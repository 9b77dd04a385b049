package com.circoflows.testing;

import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayAuthorization;
import com.circoflows.domain.gateway.GatewayRefund;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.gateway.RefundResult;
import com.circoflows.domain.money.Money;

/** A gateway that passes every call to another; test gateways override only the calls they script or watch. */
public abstract class ForwardingCardGateway implements CardGateway {
    private final CardGateway delegate;

    protected ForwardingCardGateway(CardGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public GatewayResult authorize(GatewayAuthorization authorization) {
        return delegate.authorize(authorization);
    }

    @Override
    public GatewayResult completeThreeDSecure(String transactionId, String gatewayTransactionId) {
        return delegate.completeThreeDSecure(transactionId, gatewayTransactionId);
    }

    @Override
    public GatewayResult capture(String transactionId, String gatewayTransactionId, Money amount) {
        return delegate.capture(transactionId, gatewayTransactionId, amount);
    }

    @Override
    public GatewayResult voidAuthorization(String transactionId, String gatewayTransactionId) {
        return delegate.voidAuthorization(transactionId, gatewayTransactionId);
    }

    @Override
    public RefundResult refund(GatewayRefund refund) {
        return delegate.refund(refund);
    }

    @Override
    public RefundResult refundStatus(GatewayRefund refund) {
        return delegate.refundStatus(refund);
    }
}
