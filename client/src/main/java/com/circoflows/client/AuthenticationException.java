package com.circoflows.client;

/** The API key is missing, malformed, unknown or revoked ({@code authentication_error}). */
public class AuthenticationException extends CircoFlowsException {
    private static final long serialVersionUID = 1L;

    AuthenticationException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
