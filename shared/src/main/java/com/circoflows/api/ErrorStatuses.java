package com.circoflows.api;

import com.circoflows.domain.error.ErrorCode;

/** The HTTP status each error of the catalogue is answered with: an API decision, not the domain's. */
public final class ErrorStatuses {
    private ErrorStatuses() {
    }

    /** Exhaustive: a code added to the catalogue does not compile until it has a status here. */
    public static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, INVALID_AMOUNT, INVALID_CURRENCY, INVALID_WEBHOOK_URL, INVALID_PAYMENT_TOKEN,
                    INVALID_RETURN_URL, INVALID_CARD, CARD_DECLINED, INSUFFICIENT_FUNDS, EXPIRED_CARD,
                    INVALID_CVV, PROCESSING_ERROR, THREE_D_SECURE_FAILED, BANK_TRANSFER_EXPIRED, API_KEY_LIMIT_REACHED -> 400;
            case AUTHENTICATION_FAILED -> 401;
            case LIVE_MODE_NOT_ENABLED, TEST_MODE_ONLY -> 403;
            case EVENT_NOT_FOUND, TRANSACTION_NOT_FOUND, SESSION_NOT_FOUND, ROUTE_NOT_FOUND,
                    API_KEY_NOT_FOUND, BANK_CREDIT_NOT_FOUND -> 404;
            case INVALID_TRANSACTION_STATE, SESSION_ALREADY_COMPLETED, SESSION_PAYMENT_IN_PROGRESS,
                    LAST_ACTIVE_KEY, IDEMPOTENCY_KEY_IN_USE, WEBHOOK_ENDPOINT_NOT_SET, WEBHOOK_ENDPOINT_DISABLED,
                    BRANDING_VERSION_CONFLICT, BANK_CREDIT_NOT_HELD -> 409;
            case SESSION_EXPIRED -> 410;
            case IDEMPOTENCY_KEY_REUSED -> 422;
            case RATE_LIMIT_EXCEEDED -> 429;
            case SERVER_ERROR -> 500;
            case SERVICE_UNAVAILABLE -> 503;
        };
    }
}
