package com.circoflows.functions.archfixture;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.webhook.WebhookSweeper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deliberately breaks HandlerRules (HandlerRulesTest): the sweeper's handler as it was before issue 14. */
public final class HandlerThatFansOut implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final WebhookSweeper sweeper;
    private final AuthorizationReconciler reconciler;

    public HandlerThatFansOut(WebhookSweeper sweeper, AuthorizationReconciler reconciler) {
        this.sweeper = sweeper;
        this.reconciler = reconciler;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return sweepAndReconcile();
    }

    private Map<String, Integer> sweepAndReconcile() {
        Map<String, Integer> done = new LinkedHashMap<>();
        done.put("requeued_events", sweeper.sweep());
        done.put("voided_authorizations", reconciler.reconcile().voided());
        return done;
    }
}
