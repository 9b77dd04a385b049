package com.circoflows.client;

/** The API failed on its side ({@code api_error}, or an answer without the API's envelope) even after the client's retries. Nothing was half-written: retry with the same idempotency key. */
public class ApiException extends CircoFlowsException {
    private static final long serialVersionUID = 1L;

    ApiException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
