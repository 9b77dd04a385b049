package com.circoflows.client;

/** Over the key's rate limit ({@code rate_limit_error}) even after the client's retries. */
public class RateLimitException extends CircoFlowsException {
    private static final long serialVersionUID = 1L;

    RateLimitException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
