package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * EC_v1's encryption of the payment data: ECDH on P-256 between the merchant's key and the token's ephemeral
 * key, {@link ConcatKdf} to an AES-256 key, then AES-GCM with a 16-byte all-zero IV (safe because each key
 * is used once: the ephemeral key is fresh for each token) and the 16-byte tag after the ciphertext.
 */
final class PaymentDataCipher {
    private static final int TAG_BYTES = 16;
    private static final byte[] ZERO_IV = new byte[16];

    private PaymentDataCipher() {
    }

    static byte[] decrypt(ApplePayMerchantKey merchant, ECPublicKey ephemeral, byte[] data) throws InvalidPaymentToken {
        if (data.length < TAG_BYTES) {
            throw new InvalidPaymentToken("the data is shorter than its tag"); // the JDK's GCM throws unchecked on empty input
        }
        byte[] key;
        try {
            key = ConcatKdf.appleAes256GcmKey(sharedSecret(merchant.privateKey(), ephemeral),
                    merchant.merchantIdentifier());
        } catch (GeneralSecurityException e) {
            throw new InvalidPaymentToken("the ephemeral public key is not a usable P-256 key");
        }
        try {
            return aesGcm(Cipher.DECRYPT_MODE, key, data);
        } catch (AEADBadTagException e) {
            throw new InvalidPaymentToken("the data's GCM tag does not match (wrong merchant key or identifier)");
        } catch (GeneralSecurityException e) {
            throw new InvalidPaymentToken("the data does not decrypt");
        }
    }

    /** The sender's side, for test mode's Apple. */
    static byte[] encrypt(ApplePayMerchantKey recipient, KeyPair ephemeral, byte[] plaintext) {
        try {
            byte[] key = ConcatKdf.appleAes256GcmKey(
                    sharedSecret((ECPrivateKey) ephemeral.getPrivate(), recipient.publicKey()),
                    recipient.merchantIdentifier());
            return aesGcm(Cipher.ENCRYPT_MODE, key, plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH and AES-GCM are in every JDK", e);
        }
    }

    static byte[] sharedSecret(ECPrivateKey own, ECPublicKey other) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(own);
        agreement.doPhase(other, true); // the JDK refuses a point that is not on the private key's curve
        return agreement.generateSecret();
    }

    private static byte[] aesGcm(int mode, byte[] key, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, ZERO_IV));
        return cipher.doFinal(data);
    }
}
