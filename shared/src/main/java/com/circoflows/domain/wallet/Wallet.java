package com.circoflows.domain.wallet;

import java.util.Optional;

/** The device wallets whose tokens a payment can carry instead of a card number. */
public enum Wallet {
    APPLE_PAY("apple_pay"),
    GOOGLE_PAY("google_pay");

    private final String wireName;

    Wallet(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Wallet> fromWireName(String value) {
        for (Wallet wallet : values()) {
            if (wallet.wireName.equals(value)) {
                return Optional.of(wallet);
            }
        }
        return Optional.empty();
    }
}
