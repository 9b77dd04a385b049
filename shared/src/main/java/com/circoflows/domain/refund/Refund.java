package com.circoflows.domain.refund;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Money given back from a captured payment. Created pending, with its amount already reserved on the
 * payment (so concurrent refunds can never give back more than was captured), then settled once:
 * succeeded, or failed, which releases the amount. Immutable; each change is {@code version + 1}.
 *
 * @param gatewayRefundId the processor's id once the refund was sent; null while it never was (a crash
 *                        between reserving and sending, which the settle step repairs)
 * @param failureReason   why the processor could not refund, when failed
 * @param settledAt       when it succeeded or failed
 */
public record Refund(
        String refundId,
        String transactionId,
        String merchantId,
        Mode mode,
        Money amount,
        RefundStatus status,
        RefundReason reason,
        Map<String, Object> metadata,
        String gatewayRefundId,
        String failureReason,
        Instant createdAt,
        Instant settledAt,
        long version) {

    public static final String ID_PREFIX = "re_";

    public Refund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        metadata = metadata == null ? Map.of() : metadata;
        if (amount.isZero()) {
            throw new IllegalArgumentException("a refund gives back money");
        }
    }

    static Refund reserved(String refundId, String transactionId, String merchantId, Mode mode, Money amount,
            RefundReason reason, Map<String, Object> metadata, Instant at) {
        return new Refund(refundId, transactionId, merchantId, mode, amount, RefundStatus.PENDING, reason, metadata,
                null, null, at, null, 1);
    }

    public boolean belongsTo(String merchantIdToCheck, Mode modeToCheck) {
        return merchantId.equals(merchantIdToCheck) && mode == modeToCheck;
    }

    public boolean sent() {
        return gatewayRefundId != null;
    }

    Refund sentAs(String processorId) {
        requirePending();
        return new Refund(refundId, transactionId, merchantId, mode, amount, status, reason, metadata, processorId,
                null, createdAt, null, version + 1);
    }

    Refund succeeded(String processorId, Instant at) {
        requirePending();
        return new Refund(refundId, transactionId, merchantId, mode, amount, RefundStatus.SUCCEEDED, reason, metadata,
                processorId, null, createdAt, at, version + 1);
    }

    Refund failed(String processorId, String why, Instant at) {
        requirePending();
        return new Refund(refundId, transactionId, merchantId, mode, amount, RefundStatus.FAILED, reason, metadata,
                processorId, why, createdAt, at, version + 1);
    }

    private void requirePending() {
        if (status != RefundStatus.PENDING) {
            throw new IllegalStateException("refund " + refundId + " is " + status.wireName() + " already");
        }
    }
}
