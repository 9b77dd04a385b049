package com.circoflows.domain.dashboard;

/**
 * The simple check dashboard emails get: one '@', something before it, a dot inside the domain, at most
 * 254 characters, nothing that cannot appear unquoted. Whether the mailbox exists only a sent message
 * can tell.
 */
final class EmailAddresses {
    static final int MAX_LENGTH = 254;
    /** Quoted local parts and the like are not supported; ':' would also break the otpauth label. */
    private static final String FORBIDDEN = "\"(),:;<>[\\]";

    private EmailAddresses() {
    }

    /** NFC, stripped, lower case: the form users are stored and throttled under. */
    static String normalise(String email) {
        return LoginKeys.normalised(email);
    }

    /** @param normalised as {@link #normalise} gave it */
    static boolean isValid(String normalised) {
        if (normalised.isEmpty() || normalised.length() > MAX_LENGTH) {
            return false;
        }
        int at = normalised.indexOf('@');
        if (at <= 0 || at != normalised.lastIndexOf('@')) {
            return false;
        }
        String domain = normalised.substring(at + 1);
        int dot = domain.indexOf('.');
        if (dot <= 0 || domain.endsWith(".") || domain.contains("..")) {
            return false;
        }
        return normalised.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0);
    }
}
