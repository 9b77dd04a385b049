package com.circoflows.domain.wallet;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** P-256 keys as the wallets write them: X.509 SubjectPublicKeyInfo, PKCS #8, and bare uncompressed points. */
public final class EcKeys {
    /** The SubjectPublicKeyInfo header of every P-256 key: what precedes the 65-byte uncompressed point. */
    private static final byte[] P256_SPKI_HEADER =
            HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");
    public static final int UNCOMPRESSED_POINT_BYTES = 65;

    private EcKeys() {
    }

    public static ECPublicKey publicKeyX509(String base64) throws InvalidPaymentToken {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidPaymentToken("not an EC public key");
        }
    }

    public static ECPrivateKey privateKeyPkcs8(String base64) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS #8 EC private key", e);
        }
    }

    /** A P-256 point as 0x04 || X || Y; the JDK checks that it lies on the curve. */
    public static ECPublicKey publicKeyUncompressed(byte[] point) throws InvalidPaymentToken {
        if (point.length != UNCOMPRESSED_POINT_BYTES || point[0] != 0x04) {
            throw new InvalidPaymentToken("the ephemeral public key is not an uncompressed P-256 point");
        }
        byte[] spki = Arrays.copyOf(P256_SPKI_HEADER, P256_SPKI_HEADER.length + point.length);
        System.arraycopy(point, 0, spki, P256_SPKI_HEADER.length, point.length);
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new InvalidPaymentToken("the ephemeral public key is not on P-256");
        }
    }

    /** A fresh P-256 key pair: a sender's ephemeral key, or a test key. */
    public static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is in every JDK", e);
        }
    }

    /** The uncompressed point of a P-256 public key (its SubjectPublicKeyInfo without the header). */
    public static byte[] uncompressed(ECPublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - UNCOMPRESSED_POINT_BYTES, spki.length);
    }
}
