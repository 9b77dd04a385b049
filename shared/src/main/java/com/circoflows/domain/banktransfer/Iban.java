package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import java.util.Objects;

/**
 * An International Bank Account Number (ISO 13616): country code, two check digits, then the country's
 * basic bank account number (BBAN), as long as the country's entry in the IBAN registry says, with the
 * whole passing ISO 7064 MOD 97-10.
 *
 * <p>{@link #toString()} shows only the last four characters: an IBAN identifies a payer's account and
 * must not end up in logs by accident. {@link #electronic()} and {@link #printed()} give it whole.
 */
public final class Iban {

    private static final String PARAM = "iban";

    private final String electronic;

    private Iban(String electronic) {
        this.electronic = electronic;
    }

    /**
     * An IBAN as a person typed or pasted it: spaces, the usual separators and lower case are tolerated.
     *
     * @throws ApiException {@code invalid_request} (param iban) saying what is wrong, without repeating it
     */
    public static Iban parse(String typed) {
        String compact = BankDetailsRejection.compactOrReject(typed, PARAM, "IBAN");
        if (compact.length() < 5 || !BankText.isUpperAlphanumeric(compact)) {
            throw BankDetailsRejection.of(PARAM, "An IBAN is a country code, two check digits and the account's "
                    + "letters and digits, such as DE89 3704 0044 0532 0130 00.");
        }
        String countryCode = compact.substring(0, 2);
        if (!BankText.isAsciiUpperLetters(countryCode)) {
            throw BankDetailsRejection.of(PARAM, "An IBAN starts with a two-letter country code.");
        }
        int expectedLength = IbanLengths.forCountry(countryCode).orElseThrow(() -> BankDetailsRejection.of(PARAM,
                "The IBAN's country " + countryCode + " does not use IBANs."));
        if (compact.length() != expectedLength) {
            throw BankDetailsRejection.of(PARAM, "An IBAN from " + countryCode + " has " + expectedLength
                    + " characters; this one has " + compact.length() + ".");
        }
        String checkDigits = compact.substring(2, 4);
        if (!BankText.isAsciiDigits(checkDigits) || !Mod97.isValid(rearranged(compact), checkDigits)) {
            throw BankDetailsRejection.of(PARAM, "The IBAN's check digits do not match: a character is "
                    + "probably mistyped.");
        }
        return new Iban(compact);
    }

    /** True when {@link #parse} would accept the text. */
    public static boolean isValid(String typed) {
        try {
            parse(typed);
            return true;
        } catch (ApiException invalid) {
            return false;
        }
    }

    /**
     * The IBAN of an account given by its country and BBAN, with the check digits computed.
     *
     * @throws IllegalArgumentException when the country uses no IBANs or the BBAN does not fit its length;
     *     this builds our own accounts, so a wrong input is a programming error, not a caller's
     */
    public static Iban fromBban(String countryCode, String bban) {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(bban, "bban");
        int expectedLength = IbanLengths.forCountry(countryCode)
                .orElseThrow(() -> new IllegalArgumentException("No IBANs in " + countryCode));
        if (bban.length() + 4 != expectedLength || !BankText.isUpperAlphanumeric(bban)) {
            throw new IllegalArgumentException("A BBAN of " + countryCode + " is " + (expectedLength - 4)
                    + " upper-case letters or digits");
        }
        String checkDigits = Mod97.checkDigitsFor(bban + countryCode + "00");
        return new Iban(countryCode + checkDigits + bban);
    }

    public String countryCode() {
        return electronic.substring(0, 2);
    }

    public String checkDigits() {
        return electronic.substring(2, 4);
    }

    /** The account number within the country (the part after the check digits). */
    public String bban() {
        return electronic.substring(4);
    }

    /** Without spaces, as payment messages carry it: DE89370400440532013000. */
    public String electronic() {
        return electronic;
    }

    /** In groups of four, as it is printed for people: DE89 3704 0044 0532 0130 00. */
    public String printed() {
        return BankText.inGroupsOfFour(electronic);
    }

    // The check is over BBAN + country + check digits: the first four characters move to the end.
    private static String rearranged(String compact) {
        return compact.substring(4) + compact.substring(0, 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Iban iban && iban.electronic.equals(electronic);
    }

    @Override
    public int hashCode() {
        return electronic.hashCode();
    }

    /** Masked to the last four characters: enough for a person to recognise the account. */
    @Override
    public String toString() {
        return BankText.maskedToLastFour(electronic);
    }
}
