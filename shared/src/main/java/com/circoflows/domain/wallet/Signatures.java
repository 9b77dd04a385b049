package com.circoflows.domain.wallet;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** ECDSA P-256 with SHA-256, signatures DER-encoded as the wallets send them. */
public final class Signatures {
    private Signatures() {
    }

    public static boolean verifies(PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is one that does not verify
        }
    }

    public static byte[] sign(PrivateKey key, byte[] signed) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(signed);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 is in every JDK", e);
        }
    }
}
