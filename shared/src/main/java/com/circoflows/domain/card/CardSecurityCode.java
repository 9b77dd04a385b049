package com.circoflows.domain.card;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;

/**
 * The CVV/CVC. PCI DSS forbids keeping it after authorisation, so it lives only in memory and its
 * toString shows nothing, not even its length.
 */
public final class CardSecurityCode {

    static final String PARAM = "cvv";
    private static final String INVALID_MESSAGE = "Your card's security code is invalid.";

    private final String digits;

    private CardSecurityCode(String digits) {
        this.digits = digits;
    }

    /**
     * @param brand decides the length: four digits for American Express, three for the others
     * @throws ApiException {@code invalid_cvv} with param cvv
     */
    public static CardSecurityCode parse(String input, CardBrand brand) {
        if (input == null) {
            throw ApiException.invalidParam(PARAM, "Missing required param: cvv.");
        }
        if (input.length() != brand.securityCodeLength() || !Digits.isAsciiDigits(input)) {
            throw new ApiException(ErrorCode.INVALID_CVV, INVALID_MESSAGE, PARAM, null);
        }
        return new CardSecurityCode(input);
    }

    /** The code itself, only for handing to the gateway. Never log or persist it. */
    public String revealDigits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardSecurityCode that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "CardSecurityCode[***]";
    }
}
