package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;

/** Why a transaction failed, as the merchant sees it in the error body and in payment.failed. */
public record PaymentFailure(ErrorCode code, String message, String declineCode) {
    public ApiException toException() {
        return new ApiException(code, message, null, declineCode);
    }
}
