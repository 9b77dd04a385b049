package com.circoflows.domain.dashboard;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32, the text form authenticator apps expect for a TOTP secret. Encoding gives the
 * upper-case alphabet without '=' padding (what otpauth URIs carry); decoding also takes what people
 * type or paste: lower case, spaces and trailing padding.
 */
public final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int BITS_PER_CHAR = 5;

    private Base32() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + BITS_PER_CHAR - 1) / BITS_PER_CHAR);
        int buffer = 0;
        int bitsInBuffer = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bitsInBuffer += 8;
            while (bitsInBuffer >= BITS_PER_CHAR) {
                bitsInBuffer -= BITS_PER_CHAR;
                out.append(ALPHABET[(buffer >>> bitsInBuffer) & 0x1f]);
            }
        }
        if (bitsInBuffer > 0) {
            out.append(ALPHABET[(buffer << (BITS_PER_CHAR - bitsInBuffer)) & 0x1f]);
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException when the text holds anything but base32, spaces and trailing '=' */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no base32 text");
        }
        String symbols = withoutTrailingPadding(text.replace(" ", ""));
        // 1, 3 or 6 symbols past a full 8-symbol group cannot come from whole bytes: a typo, not a secret.
        int leftover = symbols.length() % 8;
        if (leftover == 1 || leftover == 3 || leftover == 6) {
            throw new IllegalArgumentException("base32 text of impossible length " + symbols.length());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(symbols.length() * BITS_PER_CHAR / 8);
        int buffer = 0;
        int bitsInBuffer = 0;
        for (int i = 0; i < symbols.length(); i++) {
            buffer = (buffer << BITS_PER_CHAR) | valueOf(symbols.charAt(i), i);
            bitsInBuffer += BITS_PER_CHAR;
            if (bitsInBuffer >= 8) {
                bitsInBuffer -= 8;
                out.write((buffer >>> bitsInBuffer) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static String withoutTrailingPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return text.substring(0, end);
    }

    private static int valueOf(char c, int position) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        // The position, not the character: the text may be a secret.
        throw new IllegalArgumentException("not a base32 character at position " + position);
    }
}
