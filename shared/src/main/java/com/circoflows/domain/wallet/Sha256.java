package com.circoflows.domain.wallet;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, as both wallets and the replay claim use it. */
public final class Sha256 {
    private Sha256() {
    }

    /** SHA-256 of the parts one after the other. */
    public static byte[] of(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
