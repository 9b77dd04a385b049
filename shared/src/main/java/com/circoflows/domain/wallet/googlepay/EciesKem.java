package com.circoflows.domain.wallet.googlepay;

import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Google Pay's hybrid encryption: ECDH on P-256 between the recipient's key and the sender's ephemeral key;
 * HKDF-SHA256 over (ephemeral public point || shared secret) with no salt and info "Google", giving an AES-CTR
 * key and an HMAC-SHA256 key; AES-CTR with a zero IV; the tag is the HMAC of the ciphertext, checked in
 * constant time before anything is decrypted. ECv2 takes 32-byte keys (AES-256), ECv1 16-byte ones.
 */
final class EciesKem {
    private static final byte[] INFO = "Google".getBytes(StandardCharsets.UTF_8);
    private static final int HMAC_KEY_BYTES = 32;
    private static final int ECV1_HMAC_KEY_BYTES = 16;
    private static final byte[] ZERO_IV = new byte[16];

    private final int aesKeyBytes;
    private final int hmacKeyBytes;

    private EciesKem(int aesKeyBytes, int hmacKeyBytes) {
        this.aesKeyBytes = aesKeyBytes;
        this.hmacKeyBytes = hmacKeyBytes;
    }

    static EciesKem ecV2() {
        return new EciesKem(32, HMAC_KEY_BYTES);
    }

    /** Only to prove the primitives against the fixed ECv1 vector of an independent implementation. */
    static EciesKem ecV1() {
        return new EciesKem(16, ECV1_HMAC_KEY_BYTES);
    }

    byte[] decrypt(ECPrivateKey recipient, byte[] ephemeralPoint, byte[] ciphertext, byte[] tag)
            throws InvalidPaymentToken {
        ECPublicKey ephemeral = EcKeys.publicKeyUncompressed(ephemeralPoint);
        byte[] keys = derive(sharedSecret(recipient, ephemeral), ephemeralPoint);
        byte[] macKey = Arrays.copyOfRange(keys, aesKeyBytes, aesKeyBytes + hmacKeyBytes);
        if (!MessageDigest.isEqual(hmac(macKey, ciphertext), tag)) {
            throw new InvalidPaymentToken("the tag does not match");
        }
        return aesCtr(Cipher.DECRYPT_MODE, Arrays.copyOfRange(keys, 0, aesKeyBytes), ciphertext);
    }

    /** The sender's side, for test mode's wallet: a fresh ephemeral key each time. */
    Sealed encrypt(ECPublicKey recipient, byte[] plaintext, java.security.KeyPair ephemeral) {
        byte[] point = EcKeys.uncompressed((ECPublicKey) ephemeral.getPublic());
        byte[] keys = derive(sharedSecret((ECPrivateKey) ephemeral.getPrivate(), recipient), point);
        byte[] ciphertext = aesCtr(Cipher.ENCRYPT_MODE, Arrays.copyOfRange(keys, 0, aesKeyBytes), plaintext);
        byte[] tag = hmac(Arrays.copyOfRange(keys, aesKeyBytes, aesKeyBytes + hmacKeyBytes), ciphertext);
        return new Sealed(point, ciphertext, tag);
    }

    record Sealed(byte[] ephemeralPoint, byte[] ciphertext, byte[] tag) {
    }

    private byte[] derive(byte[] shared, byte[] ephemeralPoint) {
        byte[] ikm = new byte[ephemeralPoint.length + shared.length];
        System.arraycopy(ephemeralPoint, 0, ikm, 0, ephemeralPoint.length);
        System.arraycopy(shared, 0, ikm, ephemeralPoint.length, shared.length);
        return Hkdf.sha256(ikm, new byte[0], INFO, aesKeyBytes + hmacKeyBytes);
    }

    private static byte[] sharedSecret(ECPrivateKey own, ECPublicKey other) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(other, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH on P-256 is in every JDK", e);
        }
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

    private static byte[] aesCtr(int mode, byte[] key, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(ZERO_IV));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is in every JDK", e);
        }
    }
}
