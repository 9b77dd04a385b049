package com.circoflows.testing;

import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayAuthorization;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.gateway.GatewayRefund;
import com.circoflows.domain.gateway.RefundResult;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.gateway.TestModeCardGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The real test-mode gateway for authorizations, with a scriptable answer for the 3-D Secure
 * completion step (which the real simulator always approves). Records the ids it was given.
 */
public final class ScriptedCardGateway implements CardGateway {
    private final CardGateway real = new TestModeCardGateway(new InMemoryGatewayLedger(), TestClocks.fixed());
    private final List<String> completions = new ArrayList<>();
    private Function<String, GatewayResult> completion = GatewayResult.Approved::new;
    private int authorizations;

    @Override
    public synchronized GatewayResult authorize(GatewayAuthorization authorization) {
        authorizations++;
        return real.authorize(authorization);
    }

    @Override
    public synchronized GatewayResult completeThreeDSecure(String transactionId, String gatewayTransactionId) {
        completions.add(gatewayTransactionId);
        return completion.apply(gatewayTransactionId);
    }

    @Override
    public GatewayResult capture(String transactionId, String gatewayTransactionId, Money amount) {
        return real.capture(transactionId, gatewayTransactionId, amount);
    }

    @Override
    public GatewayResult voidAuthorization(String transactionId, String gatewayTransactionId) {
        return real.voidAuthorization(transactionId, gatewayTransactionId);
    }

    @Override
    public RefundResult refund(GatewayRefund refund) {
        return real.refund(refund);
    }

    @Override
    public RefundResult refundStatus(GatewayRefund refund) {
        return real.refundStatus(refund);
    }

    public synchronized void answerCompletionsWith(Function<String, GatewayResult> answer) {
        this.completion = answer;
    }

    public synchronized List<String> completions() {
        return List.copyOf(completions);
    }

    public synchronized int authorizations() {
        return authorizations;
    }
}
