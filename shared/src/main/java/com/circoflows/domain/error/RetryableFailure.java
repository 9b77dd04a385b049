package com.circoflows.domain.error;

/**
 * A dependency (database, queue) failed in a way that a retry may cure. Reported as 503
 * service_unavailable, never as a 500, and only after nothing was half-written.
 */
public class RetryableFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RetryableFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
