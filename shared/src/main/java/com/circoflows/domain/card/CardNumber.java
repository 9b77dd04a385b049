package com.circoflows.domain.card;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;

/**
 * A primary account number (PAN) that passed the format, length and Luhn checks.
 *
 * <p>Deliberately not a record: a record's toString and accessor would print the PAN into every
 * log line and exception that touches it. Here only {@link #revealDigits()} gives it out.
 */
public final class CardNumber {

    static final String PARAM = "card_number";
    private static final String INVALID_MESSAGE = "Your card number is invalid.";
    private static final int SHORTEST = 12;
    private static final int LONGEST = 19;
    // Generous room for separators; anything longer is rejected before we copy it around.
    private static final int LONGEST_RAW_INPUT = 40;

    private final String digits;
    private final CardBrand brand;

    private CardNumber(String digits, CardBrand brand) {
        this.digits = digits;
        this.brand = brand;
    }

    /**
     * Accepts the number as people type it, with spaces or dashes between groups.
     *
     * @throws ApiException {@code invalid_card} with param card_number; the message never echoes the input
     */
    public static CardNumber parse(String input) {
        if (input == null) {
            throw ApiException.invalidParam(PARAM, "Missing required param: card_number.");
        }
        if (input.length() > LONGEST_RAW_INPUT) {
            throw invalid();
        }
        String digits = withoutSeparators(input);
        if (digits.length() < SHORTEST || digits.length() > LONGEST || !Digits.isAsciiDigits(digits)) {
            throw invalid();
        }
        CardBrand brand = CardBrand.detect(digits);
        if (!brand.allowsLength(digits.length()) || !Luhn.isValid(digits)) {
            throw invalid();
        }
        return new CardNumber(digits, brand);
    }

    public CardBrand brand() {
        return brand;
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    /** Safe to show and log: "****4242". */
    public String masked() {
        return "****" + last4();
    }

    /**
     * The full PAN, for exactly two uses: computing the keyed fingerprint and handing the card to the
     * gateway. Never log, persist or return it.
     */
    public String revealDigits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "CardNumber[" + brand.wireName() + " " + masked() + "]";
    }

    private static String withoutSeparators(String input) {
        StringBuilder digits = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c != ' ' && c != '-') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_CARD, INVALID_MESSAGE, PARAM, null);
    }
}
