package com.circoflows.domain.payment;

import java.util.Optional;

/** How a customer pays: a typed card, a bank transfer, or a card inside an Apple Pay or Google Pay token. */
public enum PaymentMethod {
    CARD("card"),
    BANK_TRANSFER("bank_transfer"),
    APPLE_PAY("apple_pay"),
    GOOGLE_PAY("google_pay");

    private final String wireName;

    PaymentMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PaymentMethod> fromWireName(String value) {
        for (PaymentMethod method : values()) {
            if (method.wireName.equals(value)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
