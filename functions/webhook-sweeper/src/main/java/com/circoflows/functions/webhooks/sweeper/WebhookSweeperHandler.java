package com.circoflows.functions.webhooks.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.adapters.lambda.EventInvocation;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.reconciliation.AuthorizationReconciler.Reconciliation;
import com.circoflows.domain.webhook.WebhookSweeper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every minute: queue again the events whose delivery job never reached the queue, and reconcile the
 * gateway's authorisations with our transactions (voiding the orphans). The two are independent: one
 * failing does not stop the other, and the invocation then fails so the error shows in its metrics.
 */
public final class WebhookSweeperHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final WebhookSweeper sweeper;
    private final AuthorizationReconciler reconciler;

    public WebhookSweeperHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private WebhookSweeperHandler(FunctionWiring wiring) {
        this(wiring.webhookSweeper(), wiring.authorizationReconciler());
    }

    public WebhookSweeperHandler(WebhookSweeper sweeper, AuthorizationReconciler reconciler) {
        this.sweeper = sweeper;
        this.reconciler = reconciler;
    }

    /** What this run did, visible in the invocation result. */
    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return EventInvocation.handle(context, this::sweepAndReconcile);
    }

    private Map<String, Integer> sweepAndReconcile() {
        Map<String, Integer> done = new LinkedHashMap<>();
        RuntimeException failure = null;
        try {
            done.put("requeued_events", sweeper.sweep());
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            Reconciliation reconciliation = reconciler.reconcile();
            done.put("reconciled_authorizations", reconciliation.reconciled());
            done.put("voided_authorizations", reconciliation.voided());
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return done;
    }
}
