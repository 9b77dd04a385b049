package com.circoflows.api.pages;

import com.circoflows.domain.payment.PaymentFailure;

/**
 * Why the last payment attempt failed, in the customer's words. The merchant-facing message and the
 * issuer's decline code are not shown: a card blocked for fraud reads like any other decline.
 */
final class FailureMessages {
    private FailureMessages() {
    }

    static String title(PaymentFailure failure) {
        return switch (failure.code()) {
            case THREE_D_SECURE_FAILED -> "Your bank didn't confirm this payment";
            case PROCESSING_ERROR -> "We couldn't process your card";
            default -> "Your payment didn't go through";
        };
    }

    static String message(PaymentFailure failure) {
        return switch (failure.code()) {
            case CARD_DECLINED -> "Your card was declined. Try another card.";
            case INSUFFICIENT_FUNDS -> "Your card has insufficient funds. Try another card.";
            case EXPIRED_CARD -> "Your card has expired. Try another card.";
            case INVALID_CVV -> "The security code you entered is incorrect. Check it, or try another card.";
            case INVALID_CARD -> "Your card number is invalid. Check it, or try another card.";
            case PROCESSING_ERROR -> "You have not been charged. Please try again, or use another card.";
            case THREE_D_SECURE_FAILED -> "The security check with your bank (3-D Secure) failed, so you have "
                    + "not been charged. Try again, or use another card.";
            default -> "You have not been charged. Try again, or use another card.";
        };
    }
}
