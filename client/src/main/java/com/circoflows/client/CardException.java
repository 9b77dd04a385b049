package com.circoflows.client;

/** The card was refused ({@code card_error}): see {@link #getDeclineCode()} and {@link #getTransactionId()}. Never retried: a new attempt is a new payment, with a new idempotency key. */
public class CardException extends CircoFlowsException {
    private static final long serialVersionUID = 1L;

    CardException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
