package com.circoflows.domain.banktransfer;

/**
 * ISO 7064 MOD 97-10, the check both IBANs (ISO 13616) and creditor references (ISO 11649) carry.
 *
 * <p>Letters count as two-digit numbers (A = 10 … Z = 35), so the text is read as one long decimal
 * number; it is reduced digit by digit and never built, since an IBAN's number has up to 60 digits.
 */
final class Mod97 {

    private Mod97() {
    }

    /** The remainder mod 97 of the number the text spells; {@code text} must be upper-case A-Z and 0-9. */
    static int remainder(String text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder;
    }

    /**
     * The two check digits for {@code payload}, the text as it is checked with "00" in the check digits'
     * place at its end (BBAN + country code for an IBAN, reference + "RF" for a creditor reference).
     * Always 02 to 98.
     */
    static String checkDigitsFor(String payloadWithZeroCheckDigits) {
        int checkDigits = 98 - remainder(payloadWithZeroCheckDigits);
        return checkDigits < 10 ? "0" + checkDigits : Integer.toString(checkDigits);
    }

    /**
     * True when check digits that {@link #checkDigitsFor} could have produced make the text's remainder 1.
     * 00, 01 and 99 are refused although they can satisfy the arithmetic (they are 97, 98 and 2 again):
     * each account or reference has exactly one correct spelling.
     */
    static boolean isValid(String payloadWithCheckDigits, String checkDigits) {
        int value = Integer.parseInt(checkDigits);
        return value >= 2 && value <= 98 && remainder(payloadWithCheckDigits) == 1;
    }
}
