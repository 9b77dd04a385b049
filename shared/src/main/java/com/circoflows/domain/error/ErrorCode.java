package com.circoflows.domain.error;

import static com.circoflows.domain.error.ErrorType.API_ERROR;
import static com.circoflows.domain.error.ErrorType.AUTHENTICATION_ERROR;
import static com.circoflows.domain.error.ErrorType.CARD_ERROR;
import static com.circoflows.domain.error.ErrorType.IDEMPOTENCY_ERROR;
import static com.circoflows.domain.error.ErrorType.INVALID_REQUEST_ERROR;
import static com.circoflows.domain.error.ErrorType.RATE_LIMIT_ERROR;

/**
 * The error catalogue: every code the API can answer with and its type. Which HTTP status each is
 * answered with is the API edge's business (api.ErrorStatuses).
 * Messages here are defaults written for the merchant's developer; call sites may be more specific.
 */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request", INVALID_REQUEST_ERROR, "The request was invalid."),
    INVALID_AMOUNT("invalid_amount", INVALID_REQUEST_ERROR, "Amount is invalid or below the minimum for the currency."),
    INVALID_CURRENCY("invalid_currency", INVALID_REQUEST_ERROR, "Currency code is not supported."),
    INVALID_WEBHOOK_URL("invalid_webhook_url", INVALID_REQUEST_ERROR, "Webhook URL is invalid."),
    INVALID_RETURN_URL("invalid_return_url", INVALID_REQUEST_ERROR, "Return URL is invalid."),
    INVALID_PAYMENT_TOKEN("invalid_payment_token", INVALID_REQUEST_ERROR,
            "The wallet's payment token could not be verified, has expired or was already used; ask the customer "
                    + "to pay again with the wallet."),

    INVALID_CARD("invalid_card", CARD_ERROR, "Your card number is invalid."),
    CARD_DECLINED("card_declined", CARD_ERROR, "Your card was declined."),
    INSUFFICIENT_FUNDS("insufficient_funds", CARD_ERROR, "Your card has insufficient funds."),
    EXPIRED_CARD("expired_card", CARD_ERROR, "Your card has expired."),
    INVALID_CVV("invalid_cvv", CARD_ERROR, "Your card's security code is incorrect."),
    PROCESSING_ERROR("processing_error", CARD_ERROR,
            "An error occurred while processing your card. No charge was made; try again."),
    THREE_D_SECURE_FAILED("3ds_authentication_failed", CARD_ERROR,
            "3-D Secure authentication failed; the payment was not completed."),
    BANK_TRANSFER_EXPIRED("bank_transfer_expired", INVALID_REQUEST_ERROR,
            "The bank transfer was not received in full before the payment expired; what did arrive is owed back to the payer (amount_excess)."),

    EVENT_NOT_FOUND("event_not_found", INVALID_REQUEST_ERROR, "Webhook event does not exist."),
    TRANSACTION_NOT_FOUND("transaction_not_found", INVALID_REQUEST_ERROR, "Transaction does not exist."),
    INVALID_TRANSACTION_STATE("invalid_transaction_state", INVALID_REQUEST_ERROR,
            "The transaction is not in a state that allows this operation."),
    SESSION_NOT_FOUND("session_not_found", INVALID_REQUEST_ERROR, "Payment session does not exist."),
    SESSION_EXPIRED("session_expired", INVALID_REQUEST_ERROR, "Payment session has expired."),
    SESSION_ALREADY_COMPLETED("session_already_completed", INVALID_REQUEST_ERROR,
            "Payment session is already completed."),
    SESSION_PAYMENT_IN_PROGRESS("session_payment_in_progress", INVALID_REQUEST_ERROR,
            "The customer's card is being charged for this session right now; retry in a few seconds."),
    WEBHOOK_ENDPOINT_NOT_SET("webhook_endpoint_not_set", INVALID_REQUEST_ERROR,
            "No webhook endpoint is set; set one with PUT /api/webhook-endpoint first."),
    WEBHOOK_ENDPOINT_DISABLED("webhook_endpoint_disabled", INVALID_REQUEST_ERROR,
            "The webhook endpoint is disabled (it answered 410 Gone); set its URL again with PUT /api/webhook-endpoint "
                    + "to enable it."),
    LIVE_MODE_NOT_ENABLED("live_mode_not_enabled", INVALID_REQUEST_ERROR,
            "Live payments are not enabled for this account yet; use a test key."),
    TEST_MODE_ONLY("test_mode_only", INVALID_REQUEST_ERROR,
            "This endpoint simulates the bank side in test mode; use a test key."),
    ROUTE_NOT_FOUND("not_found", INVALID_REQUEST_ERROR, "No such endpoint."),
    API_KEY_NOT_FOUND("api_key_not_found", INVALID_REQUEST_ERROR, "API key does not exist."),
    API_KEY_LIMIT_REACHED("api_key_limit_reached", INVALID_REQUEST_ERROR,
            "This account has as many active API keys of this mode as it may have; revoke one first."),
    LAST_ACTIVE_KEY("last_active_key", INVALID_REQUEST_ERROR,
            "This is the last active API key of this mode; revoking it needs confirm_last_key=true."),
    BANK_CREDIT_NOT_FOUND("bank_credit_not_found", INVALID_REQUEST_ERROR, "Bank credit does not exist."),
    BANK_CREDIT_NOT_HELD("bank_credit_not_held", INVALID_REQUEST_ERROR,
            "The bank credit was applied or returned already; only held credits can be assigned or returned."),
    BRANDING_VERSION_CONFLICT("branding_version_conflict", INVALID_REQUEST_ERROR,
            "The branding was changed by someone else since the version given; read it again and redo the change."),

    IDEMPOTENCY_KEY_IN_USE("idempotency_key_in_use", IDEMPOTENCY_ERROR,
            "A request with this Idempotency-Key is still being processed; retry after it finishes."),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", IDEMPOTENCY_ERROR,
            "This Idempotency-Key was already used with a different request; use a new key for a new request."),

    AUTHENTICATION_FAILED("authentication_failed", AUTHENTICATION_ERROR, "Invalid API key provided."),
    RATE_LIMIT_EXCEEDED("rate_limit_exceeded", RATE_LIMIT_ERROR, "Too many requests, try again later."),

    SERVICE_UNAVAILABLE("service_unavailable", API_ERROR,
            "The service is temporarily unavailable; retry the request."),
    SERVER_ERROR("server_error", API_ERROR, "An unexpected error occurred.");

    private final String code;
    private final ErrorType type;
    private final String defaultMessage;

    ErrorCode(String code, ErrorType type, String defaultMessage) {
        this.code = code;
        this.type = type;
        this.defaultMessage = defaultMessage;
    }

    public String code() {
        return code;
    }

    public ErrorType type() {
        return type;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
