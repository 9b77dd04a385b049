package com.circoflows.client;

/** The {@code Idempotency-Key} was used with another request, or stayed in use through every retry ({@code idempotency_error}). */
public class IdempotencyException extends CircoFlowsException {
    private static final long serialVersionUID = 1L;

    IdempotencyException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
