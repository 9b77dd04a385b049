package com.circoflows.domain.payment;

import com.circoflows.domain.banktransfer.BankTransferDetails;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.domain.wallet.Wallet;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A payment, by card or by bank transfer: the aggregate every change of a payment goes through. Immutable: each operation
 * checks the move is legal for the current status (else 409 invalid_transaction_state) and returns
 * the next value with {@code version + 1}, which the repository uses for optimistic concurrency.
 * The money rules (captured ≤ authorised, refunded ≤ captured) live in {@link PaymentAmounts};
 * the constructor also refuses a status that disagrees with the amounts. Holds no PAN and no CVV.
 *
 * <pre>
 *   pending ──approve──▶ authorized ──capture──▶ completed ──refund──▶ partially_refunded ──▶ refunded
 *      │  (manual)          │                     ▲ (automatic: approve captures at once)
 *      └──fail──▶ failed    └──cancel──▶ canceled
 * </pre>
 *
 * A bank transfer is pending until credits add up to its amount (completed) or it expires (failed);
 * {@link BankTransferDetails} keeps what arrived, and what was not needed.
 *
 * @param card the card paid with; null for a bank transfer
 * @param risk the fraud screen's assessment; null on transactions made before the screen scored them
 */
public record Transaction(
        String transactionId,
        String merchantId,
        Mode mode,
        TransactionStatus status,
        PaymentAmounts amounts,
        CaptureMethod captureMethod,
        String gatewayTransactionId,
        StoredCard card,
        ThreeDSecureStatus threeDSecure,
        PaymentFailure failure,
        PaymentDetails details,
        RiskAssessment risk,
        Instant createdAt,
        Instant processedAt,
        long version,
        BankTransferDetails bankTransfer) {

    /** A card payment. */
    public Transaction(String transactionId, String merchantId, Mode mode, TransactionStatus status,
            PaymentAmounts amounts, CaptureMethod captureMethod, String gatewayTransactionId, StoredCard card,
            ThreeDSecureStatus threeDSecure, PaymentFailure failure, PaymentDetails details, RiskAssessment risk,
            Instant createdAt, Instant processedAt, long version) {
        this(transactionId, merchantId, mode, status, amounts, captureMethod, gatewayTransactionId, card,
                threeDSecure, failure, details, risk, createdAt, processedAt, version, null);
    }

    public Transaction {
        Objects.requireNonNull(status, "status");
        if ((card == null) == (bankTransfer == null)) {
            throw new IllegalArgumentException("a payment is paid by card or by bank transfer, one of them");
        }
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(captureMethod, "captureMethod");
        details = details == null ? PaymentDetails.none() : details;
        if (!agree(status, amounts)) {
            throw new IllegalArgumentException("status " + status.wireName() + " disagrees with " + amounts);
        }
    }

    /** The amount asked for and authorised. */
    public Money amount() {
        return amounts.authorized();
    }

    public Map<String, Object> customerInfo() {
        return details.customerInfo();
    }

    public Map<String, Object> metadata() {
        return details.metadata();
    }

    public String webhookUrl() {
        return details.webhookUrl();
    }

    public String returnUrl() {
        return details.returnUrl();
    }

    public String sessionId() {
        return details.sessionId();
    }

    public PaymentMethod paymentMethod() {
        if (bankTransfer != null) {
            return PaymentMethod.BANK_TRANSFER;
        }
        if (card.wallet() == null) {
            return PaymentMethod.CARD;
        }
        return card.wallet() == Wallet.APPLE_PAY ? PaymentMethod.APPLE_PAY : PaymentMethod.GOOGLE_PAY;
    }

    /** A bank transfer still waiting for (the rest of) its money. */
    public boolean awaitsTransfer() {
        return bankTransfer != null && status == TransactionStatus.PENDING;
    }

    public boolean belongsTo(String merchantIdToCheck) {
        return merchantId.equals(merchantIdToCheck);
    }

    public boolean awaitsChallenge() {
        return status == TransactionStatus.PENDING && threeDSecure == ThreeDSecureStatus.REQUIRED;
    }

    /** The issuer approved: captured at once, or only authorised when the merchant captures later. */
    public Transaction approve(Instant at) {
        requireStatus(TransactionStatus.PENDING, captureMethod == CaptureMethod.MANUAL
                ? TransactionStatus.AUTHORIZED : TransactionStatus.COMPLETED);
        return captureMethod == CaptureMethod.MANUAL
                ? next(TransactionStatus.AUTHORIZED, amounts, threeDSecure, null, at)
                : next(TransactionStatus.COMPLETED, PaymentAmounts.capturedInFull(amount()), threeDSecure, null, at);
    }

    public Transaction fail(PaymentFailure why, ThreeDSecureStatus challenge, Instant at) {
        requireStatus(TransactionStatus.PENDING, TransactionStatus.FAILED);
        return next(TransactionStatus.FAILED, amounts, challenge, why, at);
    }

    /**
     * A bank credit for this payment arrived. While pending it counts towards the amount: the payment
     * completes once credits reach it, and what goes over is excess. After that, all of it is excess.
     *
     * @throws IllegalTransitionException for a card payment, or a bank transfer that failed (expired) or
     *         was canceled: its money is no longer the payment's and must be held apart
     */
    public Transaction receiveTransfer(Money credit, Instant at) {
        if (bankTransfer == null || !(status == TransactionStatus.PENDING || status.isCaptured())) {
            throw new IllegalTransitionException(status, "credited",
                    "only pending or paid bank transfers take credits");
        }
        if (status.isCaptured()) {
            return withTransfer(status, amounts, processedAt, bankTransfer.credited(credit, credit));
        }
        Money received = bankTransfer.received().plus(credit);
        if (amount().isMoreThan(received)) {
            return withTransfer(TransactionStatus.PENDING, amounts, processedAt,
                    bankTransfer.credited(credit, Money.zero(credit.currency())));
        }
        return withTransfer(TransactionStatus.COMPLETED, PaymentAmounts.capturedInFull(amount()), at,
                bankTransfer.credited(credit, received.minus(amount())));
    }

    /** Not paid in full by its expiry: failed with bank_transfer_expired; anything received is owed back. */
    public Transaction expireTransfer(Instant at) {
        if (!awaitsTransfer()) {
            throw new IllegalTransitionException(status, TransactionStatus.FAILED);
        }
        PaymentFailure expired = new PaymentFailure(ErrorCode.BANK_TRANSFER_EXPIRED,
                ErrorCode.BANK_TRANSFER_EXPIRED.defaultMessage(), null);
        return new Transaction(transactionId, merchantId, mode, TransactionStatus.FAILED, amounts, captureMethod,
                gatewayTransactionId, card, threeDSecure, expired, details, risk, createdAt, at, version + 1,
                bankTransfer.allReceivedIsExcess());
    }

    private Transaction withTransfer(TransactionStatus nextStatus, PaymentAmounts nextAmounts, Instant at,
            BankTransferDetails nextTransfer) {
        return new Transaction(transactionId, merchantId, mode, nextStatus, nextAmounts, captureMethod,
                gatewayTransactionId, card, threeDSecure, failure, details, risk, createdAt, at, version + 1,
                nextTransfer);
    }

    /** The customer passed the challenge; the payment still waits for the merchant's confirm-3ds. */
    public Transaction challengePassed() {
        if (!awaitsChallenge()) {
            throw new IllegalTransitionException(status, status);
        }
        return next(status, amounts, ThreeDSecureStatus.AUTHENTICATED, failure, processedAt);
    }

    /**
     * Captures an authorisation, in full when {@code amount} is null, once: the rest is released.
     *
     * @throws IllegalTransitionException unless authorized
     * @throws com.circoflows.domain.error.ApiException invalid_amount over the authorised amount
     */
    public Transaction capture(Money amount) {
        if (status != TransactionStatus.AUTHORIZED) {
            throw new IllegalTransitionException(status, "captured", "only authorized payments can be captured, once");
        }
        return next(TransactionStatus.COMPLETED, amounts.capture(amount), threeDSecure, failure, processedAt);
    }

    /** Voids an authorisation nothing was captured of. */
    public Transaction cancel() {
        if (status != TransactionStatus.AUTHORIZED) {
            throw new IllegalTransitionException(status, "canceled",
                    "only authorized payments that were not captured can be canceled");
        }
        return next(TransactionStatus.CANCELED, amounts, threeDSecure, failure, processedAt);
    }

    /**
     * Refunds {@code amount} of what was captured (all that is left when null), reserving it at once
     * whether the refund succeeds now or later.
     *
     * @throws IllegalTransitionException unless the payment was captured
     * @throws com.circoflows.domain.error.ApiException invalid_amount over what is left to refund
     */
    public Transaction refund(Money amount) {
        if (!status.isCaptured()) {
            throw new IllegalTransitionException(status, "refunded", "only completed payments can be refunded");
        }
        PaymentAmounts after = amounts.refund(amount);
        return next(refundStatus(after), after, threeDSecure, failure, processedAt);
    }

    /** A refund failed: its amount may be refunded again. */
    public Transaction refundFailed(Money amount) {
        if (!status.isCaptured()) {
            throw new IllegalTransitionException(status, "refunded", "only completed payments have refunds");
        }
        PaymentAmounts after = amounts.refundFailed(amount);
        return next(refundStatus(after), after, threeDSecure, failure, processedAt);
    }

    private static TransactionStatus refundStatus(PaymentAmounts after) {
        if (after.fullyRefunded()) {
            return TransactionStatus.REFUNDED;
        }
        return after.refunded().isZero() ? TransactionStatus.COMPLETED : TransactionStatus.PARTIALLY_REFUNDED;
    }

    private static boolean agree(TransactionStatus status, PaymentAmounts amounts) {
        return switch (status) {
            case PENDING, AUTHORIZED, FAILED, CANCELED -> amounts.captured().isZero();
            case COMPLETED -> !amounts.captured().isZero() && amounts.refunded().isZero();
            case PARTIALLY_REFUNDED -> !amounts.refunded().isZero() && !amounts.fullyRefunded();
            case REFUNDED -> amounts.fullyRefunded();
        };
    }

    private void requireStatus(TransactionStatus required, TransactionStatus next) {
        if (status != required) {
            throw new IllegalTransitionException(status, next);
        }
    }

    private Transaction next(TransactionStatus nextStatus, PaymentAmounts nextAmounts, ThreeDSecureStatus challenge,
            PaymentFailure why, Instant at) {
        return new Transaction(transactionId, merchantId, mode, nextStatus, nextAmounts, captureMethod,
                gatewayTransactionId, card, challenge, why, details, risk, createdAt, at, version + 1, bankTransfer);
    }
}
