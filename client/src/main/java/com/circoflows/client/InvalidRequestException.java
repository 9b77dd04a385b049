package com.circoflows.client;

/** The request cannot succeed as sent ({@code invalid_request_error}): a bad field, an unknown id, a payment in the wrong state, a live key where only test mode works. */
public class InvalidRequestException extends CircoFlowsException {
    private static final long serialVersionUID = 1L;

    InvalidRequestException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
