package com.circoflows.domain.ids;

import java.security.SecureRandom;

/** Unguessable identifiers: object ids double as capabilities in customer-facing URLs. */
public final class RandomIds {
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    /** {@code prefix} followed by {@code length} base62 characters (5.95 bits each). */
    public static String withPrefix(String prefix, int length) {
        return prefix + base62(length);
    }

    public static String base62(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }

    public static boolean isBase62(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
