package com.circoflows.domain.sweep;

import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.reconciliation.AuthorizationReconciler.Reconciliation;
import com.circoflows.domain.webhook.WebhookSweeper;

/**
 * The minutely clean-up: queue again the events whose delivery job never reached the queue, and
 * reconcile the gateway's authorisations with our transactions (voiding the orphans). The two are
 * independent: one failing does not stop the other, and the run then fails with the first failure (the
 * second suppressed in it) so the error shows in the invocation's metrics.
 */
public final class ScheduledSweep {
    private final WebhookSweeper webhooks;
    private final AuthorizationReconciler authorizations;

    public ScheduledSweep(WebhookSweeper webhooks, AuthorizationReconciler authorizations) {
        this.webhooks = webhooks;
        this.authorizations = authorizations;
    }

    public SweepReport run() {
        int requeued = 0;
        RuntimeException failure = null;
        try {
            requeued = webhooks.sweep();
        } catch (RuntimeException e) {
            failure = e;
        }
        Reconciliation reconciliation = null;
        try {
            reconciliation = authorizations.reconcile();
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
        return new SweepReport(requeued, reconciliation.reconciled(), reconciliation.voided());
    }

    /** What one run did. */
    public record SweepReport(int requeuedEvents, int reconciledAuthorizations, int voidedAuthorizations) {
    }
}
