package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.money.Money;
import java.util.Objects;

/**
 * The money of one payment, all in its currency: what the issuer authorised, what was captured of
 * it, and what was refunded of that. The invariants (captured ≤ authorised, refunded ≤ captured)
 * hold for every value, so no sequence of operations can refund money that was never taken.
 * Refunds still pending count as refunded: their money is reserved until they fail.
 *
 * @param authorized   the amount asked for: authorised once the issuer approved
 * @param refundsCount refunds made, whatever became of them
 */
public record PaymentAmounts(Money authorized, Money captured, Money refunded, int refundsCount) {
    /** So a payment's refunds can always be listed in one answer. */
    public static final int MAX_REFUNDS = 100;

    public PaymentAmounts {
        Objects.requireNonNull(authorized, "authorized");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
        if (!authorized.sameCurrencyAs(captured) || !authorized.sameCurrencyAs(refunded)) {
            throw new IllegalArgumentException("a payment's amounts share one currency");
        }
        if (captured.isMoreThan(authorized) || refunded.isMoreThan(captured) || refundsCount < 0) {
            throw new IllegalArgumentException("captured " + captured.minorUnits() + " and refunded "
                    + refunded.minorUnits() + " of " + authorized.minorUnits() + " break the invariants");
        }
    }

    /** Approved, nothing captured yet. */
    public static PaymentAmounts authorizedOnly(Money authorized) {
        return new PaymentAmounts(authorized, Money.zero(authorized.currency()), Money.zero(authorized.currency()), 0);
    }

    /** Approved and captured at once (capture_method automatic). */
    public static PaymentAmounts capturedInFull(Money authorized) {
        return new PaymentAmounts(authorized, authorized, Money.zero(authorized.currency()), 0);
    }

    /** What may still be refunded. */
    public Money refundable() {
        return captured.minus(refunded);
    }

    public boolean fullyRefunded() {
        return !captured.isZero() && refunded.equals(captured);
    }

    /** Captures {@code amount} (the whole authorisation when null); the uncaptured rest is released. */
    PaymentAmounts capture(Money amount) {
        Money toCapture = amount == null ? authorized : requireSameCurrency(amount);
        requirePositive(toCapture, "capture");
        if (toCapture.isMoreThan(authorized)) {
            throw invalidAmount("Capture amount " + toCapture.minorUnits() + " is more than the authorised "
                    + authorized.minorUnits() + ".");
        }
        return new PaymentAmounts(authorized, toCapture, refunded, refundsCount);
    }

    /** Refunds {@code amount} (all that is left when null). */
    PaymentAmounts refund(Money amount) {
        Money remaining = refundable();
        if (remaining.isZero()) {
            throw invalidAmount("This payment has been refunded in full; nothing is left to refund.");
        }
        if (refundsCount >= MAX_REFUNDS) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "This payment has " + MAX_REFUNDS
                    + " refunds, as many as a payment may have.");
        }
        Money toRefund = amount == null ? remaining : requireSameCurrency(amount);
        requirePositive(toRefund, "refund");
        if (toRefund.isMoreThan(remaining)) {
            throw invalidAmount("Refund amount " + toRefund.minorUnits() + " is more than the "
                    + remaining.minorUnits() + " left to refund.");
        }
        return new PaymentAmounts(authorized, captured, refunded.plus(toRefund), refundsCount + 1);
    }

    /** A refund that failed gives its reserved amount back to what may be refunded. */
    PaymentAmounts refundFailed(Money amount) {
        return new PaymentAmounts(authorized, captured, refunded.minus(requireSameCurrency(amount)), refundsCount);
    }

    private Money requireSameCurrency(Money amount) {
        if (!amount.sameCurrencyAs(authorized)) {
            throw new ApiException(ErrorCode.INVALID_CURRENCY, "This payment is in " + authorized.currencyCode()
                    + "; amounts for it must be too.", "currency", null);
        }
        return amount;
    }

    private static void requirePositive(Money amount, String operation) {
        if (amount.isZero()) {
            throw invalidAmount("A " + operation + " amount must be a positive integer in minor units.");
        }
    }

    private static ApiException invalidAmount(String message) {
        return new ApiException(ErrorCode.INVALID_AMOUNT, message, "amount", null);
    }
}
