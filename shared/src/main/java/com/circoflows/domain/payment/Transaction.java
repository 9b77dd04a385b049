package com.circoflows.domain.payment;

import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.risk.RiskAssessment;
import java.time.Instant;
import java.util.Map;

/**
 * A card payment attempt. Immutable: every change yields a new value with {@code version + 1},
 * which the repository uses for optimistic concurrency. Holds no PAN and no CVV.
 *
 * @param sessionId the hosted payment session this payment was made on, or null for a direct payment
 * @param risk      the fraud screen's assessment; null on transactions made before the screen scored them
 */
public record Transaction(
        String transactionId,
        String merchantId,
        Mode mode,
        long amount,
        String currency,
        TransactionStatus status,
        String gatewayTransactionId,
        StoredCard card,
        ThreeDSecureStatus threeDSecure,
        PaymentFailure failure,
        Map<String, Object> customerInfo,
        Map<String, Object> metadata,
        String webhookUrl,
        String returnUrl,
        Instant createdAt,
        Instant processedAt,
        long version,
        String sessionId,
        RiskAssessment risk) {

    public Transaction {
        customerInfo = customerInfo == null ? Map.of() : customerInfo;
        metadata = metadata == null ? Map.of() : metadata;
    }

    public boolean belongsTo(String merchantIdToCheck) {
        return merchantId.equals(merchantIdToCheck);
    }

    public boolean awaitsChallenge() {
        return status == TransactionStatus.PENDING && threeDSecure == ThreeDSecureStatus.REQUIRED;
    }

    public Transaction complete(Instant at) {
        return moveTo(TransactionStatus.COMPLETED, threeDSecure, null, at);
    }

    public Transaction fail(PaymentFailure why, ThreeDSecureStatus challenge, Instant at) {
        return moveTo(TransactionStatus.FAILED, challenge, why, at);
    }

    /** The customer passed the challenge; the payment still waits for the merchant's confirm-3ds. */
    public Transaction challengePassed() {
        if (!awaitsChallenge()) {
            throw new IllegalTransitionException(status, status);
        }
        return new Transaction(transactionId, merchantId, mode, amount, currency, status, gatewayTransactionId,
                card, ThreeDSecureStatus.AUTHENTICATED, failure, customerInfo, metadata, webhookUrl, returnUrl,
                createdAt, processedAt, version + 1, sessionId, risk);
    }

    private Transaction moveTo(TransactionStatus next, ThreeDSecureStatus challenge, PaymentFailure why, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        return new Transaction(transactionId, merchantId, mode, amount, currency, next, gatewayTransactionId,
                card, challenge, why, customerInfo, metadata, webhookUrl, returnUrl, createdAt, at, version + 1,
                sessionId, risk);
    }
}
