package com.circoflows.domain.dashboard;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new dashboard password must be. Length is what makes a password hard to guess, so the policy
 * asks for length and refuses the few choices attackers try first, without composition rules (a digit,
 * a capital...) that only push people to predictable patterns. Passphrases with spaces and any script
 * are welcome.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    /** Generous for passphrases, small enough that nobody posts a megabyte to make us hash it. */
    public static final int MAX_LENGTH = 256;

    /**
     * @param email        the address the account signs in with, or null when not known yet
     * @param businessName the merchant's name as entered at sign-up, or null
     * @return why the password is refused, or empty when it may be used
     */
    public Optional<PasswordRefusal> refusal(String password, String email, String businessName) {
        if (password == null) {
            return Optional.of(PasswordRefusal.TOO_SHORT);
        }
        // Counted as the hasher will see it, in code points, so "é" is one character however it was typed.
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_LENGTH) {
            return Optional.of(PasswordRefusal.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(PasswordRefusal.TOO_LONG);
        }
        if (onlyWhitespace(normalised)) {
            return Optional.of(PasswordRefusal.ONLY_WHITESPACE);
        }
        String comparable = comparable(normalised);
        if (email != null && comparable.equals(comparable(email))) {
            return Optional.of(PasswordRefusal.SAME_AS_EMAIL);
        }
        if (businessName != null && comparable.equals(comparable(businessName))) {
            return Optional.of(PasswordRefusal.SAME_AS_BUSINESS_NAME);
        }
        if (CommonPasswords.contains(comparable)) {
            return Optional.of(PasswordRefusal.TOO_COMMON);
        }
        return Optional.empty();
    }

    /** Case and surrounding spaces do not make a guessable password less guessable. */
    static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean onlyWhitespace(String text) {
        // Character.isSpaceChar too: a no-break space is not whitespace to Character.isWhitespace.
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }
}
