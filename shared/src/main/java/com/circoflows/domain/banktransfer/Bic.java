package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;

/**
 * A Business Identifier Code (ISO 9362), the bank's address in SWIFT and SEPA messages: four letters for
 * the bank, its two-letter country, two letters or digits for the location and, in the eleven-character
 * form, three for the branch (XXX is the head office).
 */
public record Bic(String value) {

    private static final String PARAM = "bic";

    public Bic {
        if (value == null || !isWellFormed(value)) {
            throw new IllegalArgumentException("A BIC is 8 or 11 upper-case letters and digits, such as DEUTDEFF");
        }
    }

    /**
     * A BIC as typed: spaces and lower case are tolerated.
     *
     * @throws ApiException {@code invalid_request} (param bic) when it is not 8 or 11 characters of the form
     */
    public static Bic parse(String typed) {
        String compact = BankDetailsRejection.compactOrReject(typed, PARAM, "BIC");
        if (!isWellFormed(compact)) {
            throw BankDetailsRejection.of(PARAM, "A BIC is 8 or 11 characters: four letters for the bank, two for "
                    + "its country, two letters or digits for the location and optionally three for the branch, "
                    + "such as DEUTDEFF or DEUTDEFF500.");
        }
        return new Bic(compact);
    }

    public String bankCode() {
        return value.substring(0, 4);
    }

    public String countryCode() {
        return value.substring(4, 6);
    }

    /** The eleven-character form, XXX standing for the head office when the eight-character form was given. */
    public String elevenCharacters() {
        return value.length() == 11 ? value : value + "XXX";
    }

    private static boolean isWellFormed(String text) {
        return (text.length() == 8 || text.length() == 11)
                && BankText.isAsciiUpperLetters(text.substring(0, 6))
                && BankText.isUpperAlphanumeric(text.substring(6));
    }

    @Override
    public String toString() {
        return value;
    }
}
