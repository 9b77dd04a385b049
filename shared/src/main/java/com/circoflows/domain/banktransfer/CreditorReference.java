package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A structured creditor reference (ISO 11649): "RF", two check digits, then up to 21 letters and digits.
 * The check digits (ISO 7064 MOD 97-10) let a payment's reference be recognised although the payer typed
 * it with other spacing or case, left out the "RF", or swapped two neighbouring characters.
 *
 * <p>One blind spot of MOD 97-10 on letters: a letter is read as two digits (A = 10 … Z = 35), so B1 and
 * 1B both read 111 (likewise M2/2M, X3/3X) and their swap goes unseen. {@link #forNumber} references are
 * digits only and have no such blind spot.
 */
public final class CreditorReference {

    static final int LONGEST_PAYLOAD = 21;
    private static final String PARAM = "reference";
    private static final String PREFIX = "RF";

    private final String electronic;

    private CreditorReference(String electronic) {
        this.electronic = electronic;
    }

    /**
     * The reference for a payer-facing identifier: its check digits are computed.
     *
     * @throws IllegalArgumentException unless {@code payload} is 1 to 21 upper-case letters or digits
     */
    public static CreditorReference withCheckDigits(String payload) {
        if (payload == null || payload.length() > LONGEST_PAYLOAD || !BankText.isUpperAlphanumeric(payload)) {
            throw new IllegalArgumentException("A creditor reference carries 1 to 21 upper-case letters or digits");
        }
        return new CreditorReference(PREFIX + Mod97.checkDigitsFor(payload + PREFIX + "00") + payload);
    }

    /** The reference of a payment-unique number: its decimal digits, so every neighbour swap is caught. */
    public static CreditorReference forNumber(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("A reference number is not negative");
        }
        return withCheckDigits(Long.toString(number));
    }

    /**
     * A reference as typed: case, spaces and the separators - . / _ are tolerated.
     *
     * @throws ApiException {@code invalid_request} (param reference) when it is not a valid RF reference
     */
    public static CreditorReference parse(String typed) {
        String compact = BankDetailsRejection.compactOrReject(typed, PARAM, "reference");
        return ofCompact(compact).orElseThrow(() -> BankDetailsRejection.of(PARAM,
                "A creditor reference is RF, two check digits and up to 21 letters or digits, such as "
                        + "RF18 5390 0754 7034, and its check digits must match."));
    }

    /** True when {@link #parse} would accept the text. */
    public static boolean isValid(String typed) {
        return typed != null && typed.length() <= BankText.LONGEST_RAW_INPUT
                && ofCompact(BankText.compactUpperCase(typed)).isPresent();
    }

    /**
     * The valid references the payer may have meant by what they typed: the text itself when it is valid
     * once case and spacing are tidied; otherwise every valid reference one swap of neighbouring characters
     * away from it, or from it with "RF" put in front. Empty when nothing fits. More than one is possible, so
     * the caller keeps only references it issued.
     */
    public static List<CreditorReference> candidatesFor(String typed) {
        if (typed == null || typed.length() > BankText.LONGEST_RAW_INPUT) {
            return List.of();
        }
        String compact = BankText.compactUpperCase(typed);
        List<String> spellings = new ArrayList<>(List.of(compact));
        if (!compact.startsWith(PREFIX)) {
            spellings.add(PREFIX + compact);
        }
        for (String spelling : spellings) {
            Optional<CreditorReference> exact = ofCompact(spelling);
            if (exact.isPresent()) {
                return List.of(exact.get());
            }
        }
        Set<CreditorReference> candidates = new LinkedHashSet<>();
        for (String spelling : spellings) {
            for (int i = 0; i + 1 < spelling.length(); i++) {
                if (spelling.charAt(i) != spelling.charAt(i + 1)) {
                    ofCompact(swapped(spelling, i)).ifPresent(candidates::add);
                }
            }
        }
        return List.copyOf(candidates);
    }

    /** The characters after "RF" and the check digits. */
    public String payload() {
        return electronic.substring(4);
    }

    /** Without spaces: RF18539007547034. */
    public String electronic() {
        return electronic;
    }

    /** In groups of four, as it is printed for people: RF18 5390 0754 7034. */
    public String printed() {
        return BankText.inGroupsOfFour(electronic);
    }

    private static Optional<CreditorReference> ofCompact(String compact) {
        if (compact.length() < 5 || compact.length() > 4 + LONGEST_PAYLOAD || !compact.startsWith(PREFIX)
                || !BankText.isUpperAlphanumeric(compact)) {
            return Optional.empty();
        }
        String checkDigits = compact.substring(2, 4);
        if (!BankText.isAsciiDigits(checkDigits)
                || !Mod97.isValid(compact.substring(4) + compact.substring(0, 4), checkDigits)) {
            return Optional.empty();
        }
        return Optional.of(new CreditorReference(compact));
    }

    private static String swapped(String text, int i) {
        char[] chars = text.toCharArray();
        char first = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = first;
        return new String(chars);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreditorReference reference && reference.electronic.equals(electronic);
    }

    @Override
    public int hashCode() {
        return electronic.hashCode();
    }

    /** A reference is no secret: it is printed on every instruction. */
    @Override
    public String toString() {
        return electronic;
    }
}
