package com.circoflows.client;

/**
 * No answer arrived (connection refused or dropped, timeout) even after the client's retries. A POST may
 * still have been processed: retry it with the same idempotency key ({@link RequestOptions}) and it will
 * not be done twice.
 */
public class ApiConnectionException extends CircoFlowsException {
    private static final long serialVersionUID = 1L;

    ApiConnectionException(String message, Throwable cause) {
        super(message, ErrorDetails.NONE, cause);
    }
}
