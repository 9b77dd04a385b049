package com.circoflows.domain.wallet.googlepay;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): extract, then expand to {@code length} bytes. */
final class Hkdf {
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 gives at most 8160 bytes");
        }
        byte[] prk = hmac(salt.length == 0 ? new byte[HASH_BYTES] : salt, ikm);
        ByteArrayOutputStream okm = new ByteArrayOutputStream();
        byte[] block = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            byte[] input = new byte[block.length + info.length + 1];
            System.arraycopy(block, 0, input, 0, block.length);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) i;
            block = hmac(prk, input);
            okm.writeBytes(block);
        }
        return java.util.Arrays.copyOf(okm.toByteArray(), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JDK", e);
        }
    }
}
