package com.circoflows.domain.wallet;

import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.error.ApiException;

/** The card inside a verified token, held to the same checks as a typed card. */
public final class DeviceCards {
    private DeviceCards() {
    }

    public static CardNumber number(String pan) throws InvalidPaymentToken {
        try {
            return CardNumber.parse(pan);
        } catch (ApiException e) {
            // The reason names no digits: the PAN is what must never reach a log.
            throw new InvalidPaymentToken("the token's card number is not a valid card number");
        }
    }

    public static CardExpiry expiry(long month, long year) throws InvalidPaymentToken {
        try {
            return new CardExpiry(Math.toIntExact(month), Math.toIntExact(year));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidPaymentToken("the token's expiry is not a month and a four-digit year");
        }
    }
}
