package com.circoflows.api.pages;

import com.circoflows.domain.payment.PaymentFailure;

/**
 * Why the last payment attempt failed, in the customer's words. The merchant-facing message and the
 * issuer's decline code are not shown: a card blocked for fraud reads like any other decline.
 */
final class FailureMessages {
    private FailureMessages() {
    }

    static Text title(PaymentFailure failure) {
        return switch (failure.code()) {
            case THREE_D_SECURE_FAILED -> Text.BANK_DID_NOT_CONFIRM_TITLE;
            case PROCESSING_ERROR -> Text.COULD_NOT_PROCESS_TITLE;
            case BANK_TRANSFER_EXPIRED -> Text.TRANSFER_EXPIRED_TITLE;
            default -> Text.FAILED_TITLE;
        };
    }

    static Text message(PaymentFailure failure) {
        return switch (failure.code()) {
            case CARD_DECLINED -> Text.CARD_DECLINED;
            case INSUFFICIENT_FUNDS -> Text.INSUFFICIENT_FUNDS;
            case EXPIRED_CARD -> Text.CARD_EXPIRED;
            case INVALID_CVV -> Text.WRONG_CVC;
            case INVALID_CARD -> Text.WRONG_CARD_NUMBER;
            case PROCESSING_ERROR -> Text.NOT_CHARGED_TRY_AGAIN;
            case THREE_D_SECURE_FAILED -> Text.THREE_D_SECURE_FAILED;
            case BANK_TRANSFER_EXPIRED -> Text.TRANSFER_EXPIRED_TEXT;
            case INVALID_PAYMENT_TOKEN -> Text.WALLET_PAYMENT_REFUSED;
            default -> Text.NOT_CHARGED_OTHER_CARD;
        };
    }
}
