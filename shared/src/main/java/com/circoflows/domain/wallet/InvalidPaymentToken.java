package com.circoflows.domain.wallet;

/**
 * A wallet token that failed a check: its signatures, its recipient, its expiry, its tag or its format. The
 * reason is for logs and tests; the customer and merchant learn only that the token was not valid, and the
 * message never quotes the token (it carries a device card number once decrypted).
 */
public final class InvalidPaymentToken extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidPaymentToken(String reason) {
        super(reason);
    }
}
