package com.circoflows.domain.wallet;

import java.util.Optional;

/**
 * How the wallet vouched for the cardholder, in Google Pay's words. PAN_ONLY is a card on file in the
 * customer's account, no more authenticated than a typed card, so it goes through 3-D Secure like one;
 * CRYPTOGRAM_3DS is a device token the customer unlocked on the phone, with a one-time cryptogram, so the
 * issuer needs no challenge. Apple Pay tokens are always the second kind.
 */
public enum AuthMethod {
    PAN_ONLY,
    CRYPTOGRAM_3DS;

    public static Optional<AuthMethod> fromWireName(String value) {
        for (AuthMethod method : values()) {
            if (method.name().equals(value)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
