package com.circoflows.testing;

import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayAuthorization;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.gateway.TestModeCardGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The real test-mode gateway for authorizations, with a scriptable answer for the 3-D Secure
 * completion step (which the real simulator always approves). Records the ids it was given.
 */
public final class ScriptedCardGateway extends ForwardingCardGateway {
    private final List<String> completions = new ArrayList<>();
    private Function<String, GatewayResult> completion = GatewayResult.Approved::new;
    private int authorizations;

    public ScriptedCardGateway() {
        super(new TestModeCardGateway(new InMemoryGatewayLedger(), TestClocks.fixed()));
    }

    @Override
    public synchronized GatewayResult authorize(GatewayAuthorization authorization) {
        authorizations++;
        return super.authorize(authorization);
    }

    @Override
    public synchronized GatewayResult completeThreeDSecure(String transactionId, String gatewayTransactionId) {
        completions.add(gatewayTransactionId);
        return completion.apply(gatewayTransactionId);
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
