package com.circoflows.domain.reconciliation;

import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.GatewayLedger;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Matches the gateway's open authorisations with our transactions. One with a transaction is
 * reconciled. One without is orphaned: the request that made it died before writing the payment (a
 * crash between the gateway and the DynamoDB write, or a hosted-page attempt abandoned after its
 * lease), so nobody knows of the charge; it is voided and the cardholder is not charged.
 *
 * <p>An authorisation is only judged once untouched for {@code grace}, far longer than a function may
 * run, so the request that made it is over for sure; a retry answered from it (the same Idempotency-Key)
 * touches it and so restarts the wait, and a void only succeeds if nothing touched it since it was read.
 */
public final class AuthorizationReconciler {
    /** Well past the 15 s function timeout and the 30 s session lease, and a typical client's retries. */
    public static final Duration GRACE = Duration.ofMinutes(5);
    private static final JsonLog LOG = JsonLog.get(AuthorizationReconciler.class);
    private static final int BATCH = 100;

    private final GatewayLedger ledger;
    private final TransactionRepository transactions;
    private final Clock clock;
    private final Duration grace;

    public AuthorizationReconciler(GatewayLedger ledger, TransactionRepository transactions, Clock clock,
            Duration grace) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.grace = grace;
    }

    /** One pass over the authorisations due; one failing is logged and left for the next pass. */
    public Reconciliation reconcile() {
        Instant now = clock.instant();
        int reconciled = 0;
        int voided = 0;
        for (AuthorizationRecord authorization : ledger.findUnreconciled(now.minus(grace), BATCH)) {
            try {
                if (transactions.find(authorization.transactionId()).isPresent()) {
                    ledger.markReconciled(authorization.transactionId(), now);
                    reconciled++;
                } else if (ledger.voidIfUntouched(authorization.transactionId(), authorization.touchedAt(), now)) {
                    LOG.warn("orphaned_authorization_voided", fields(authorization));
                    voided++;
                }
            } catch (RuntimeException e) {
                LOG.warn("authorization_reconciliation_failed", Map.of("transaction_id",
                        authorization.transactionId(), "reason", e.getClass().getSimpleName()));
            }
        }
        if (reconciled + voided > 0) {
            LOG.info("authorizations_reconciled", Map.of("reconciled", reconciled, "voided", voided));
        }
        return new Reconciliation(reconciled, voided);
    }

    private static Map<String, Object> fields(AuthorizationRecord authorization) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("transaction_id", authorization.transactionId());
        fields.put("gateway_transaction_id", authorization.gatewayTransactionId());
        fields.put("merchant_id", authorization.merchantId());
        fields.put("mode", authorization.mode().wireName());
        fields.put("amount", authorization.amount().minorUnits());
        fields.put("currency", authorization.amount().currencyCode());
        fields.put("state_before", authorization.state().wireName());
        fields.put("authorized_at", authorization.createdAt().toString());
        return fields;
    }

    /** What one pass did: authorisations matched with their transaction, and orphans voided. */
    public record Reconciliation(int reconciled, int voided) {
    }
}
