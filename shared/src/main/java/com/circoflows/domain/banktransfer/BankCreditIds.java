package com.circoflows.domain.banktransfer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * A credit's id in our API: "bcr_" and 24 letters and digits derived from the bank's reference, so the same
 * credit delivered twice has the same id (that is how duplicates are found) and a bank reference, which may
 * hold slashes and colons, never has to travel in a URL path.
 */
public final class BankCreditIds {
    public static final String PREFIX = "bcr_";
    private static final int LENGTH = 24;
    private static final Pattern WELL_FORMED = Pattern.compile("bcr_[0-9A-Za-z]{24}");
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private BankCreditIds() {
    }

    public static String of(String bankReference) {
        BigInteger value = new BigInteger(1, sha256(bankReference));
        BigInteger base = BigInteger.valueOf(DIGITS.length());
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            BigInteger[] divided = value.divideAndRemainder(base);
            id.append(DIGITS.charAt(divided[1].intValue()));
            value = divided[0];
        }
        return PREFIX + id;
    }

    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
