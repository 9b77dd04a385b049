package com.circoflows.domain.session;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentFailure;
import java.time.Instant;
import java.util.Map;

/**
 * A hosted payment session: what the merchant asked the customer to pay, and how far the customer
 * got. Immutable; every change yields {@code version + 1} for optimistic concurrency.
 *
 * @param transactionId        the transaction that paid the session, once completed
 * @param attemptTransactionId the payment attempt in progress: a card being charged (until
 *                             {@code attemptLeaseUntil}) or a 3-D Secure challenge awaiting the customer
 * @param attemptLeaseUntil    while in the future, another submission must not charge a card
 * @param lastFailure          why the customer's last attempt failed, shown on the page until the next one
 */
public record PaymentSession(
        String sessionId,
        String merchantId,
        Mode mode,
        long amount,
        String currency,
        String description,
        Map<String, Object> customerInfo,
        Map<String, Object> metadata,
        String webhookUrl,
        String returnUrl,
        SessionStatus status,
        String transactionId,
        String attemptTransactionId,
        Instant attemptLeaseUntil,
        PaymentFailure lastFailure,
        Instant createdAt,
        Instant expiresAt,
        Instant completedAt,
        Instant cancelledAt,
        long version) {

    public PaymentSession {
        customerInfo = customerInfo == null ? Map.of() : customerInfo;
        metadata = metadata == null ? Map.of() : metadata;
    }

    public boolean belongsTo(String merchantIdToCheck) {
        return merchantId.equals(merchantIdToCheck);
    }
}
