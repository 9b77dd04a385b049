package com.circoflows.client;

/**
 * A webhook delivery that must not be trusted: answer it 400 and do nothing with it. The reason names
 * the check that failed, never the payload or a secret.
 */
public class WebhookVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WebhookVerificationException(String reason) {
        super(reason);
    }
}
