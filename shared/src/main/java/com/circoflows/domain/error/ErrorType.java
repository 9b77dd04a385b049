package com.circoflows.domain.error;

/** The error families of the API contract; the wire value is the lowercase name. */
public enum ErrorType {
    CARD_ERROR("card_error"),
    INVALID_REQUEST_ERROR("invalid_request_error"),
    AUTHENTICATION_ERROR("authentication_error"),
    RATE_LIMIT_ERROR("rate_limit_error"),
    IDEMPOTENCY_ERROR("idempotency_error"),
    API_ERROR("api_error");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
