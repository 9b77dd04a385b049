package com.circoflows.domain.dashboard;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of everything but unreserved characters. Unlike URLEncoder (HTML form
 * encoding) a space becomes %20, never '+', which authenticator apps would show as a plus sign.
 */
final class UriComponent {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriComponent() {
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
