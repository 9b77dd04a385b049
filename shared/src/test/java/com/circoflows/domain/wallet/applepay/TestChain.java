package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.EcKeys;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A root, intermediate and leaf made afresh for a test, each of which may lack what Apple's have (a marker
 * extension, the CA flag, the right issuer, validity). The certificates are written with {@link DerWriter}
 * because the JDK can parse certificates but not make them.
 */
final class TestChain {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
    private Instant notAfter = Instant.parse("2056-01-01T00:00:00Z");
    private Instant leafNotAfter = notAfter;
    private boolean leafMarked = true;
    private boolean intermediateMarked = true;
    private boolean intermediateIsCa = true;
    private boolean leafSignedByIntermediate = true;

    final KeyPair rootKey = EcKeys.newP256KeyPair();
    final KeyPair intermediateKey = EcKeys.newP256KeyPair();
    final KeyPair leafKey = EcKeys.newP256KeyPair();

    TestChain leafWithoutMarker() {
        leafMarked = false;
        return this;
    }

    TestChain intermediateWithoutMarker() {
        intermediateMarked = false;
        return this;
    }

    TestChain intermediateNotACa() {
        intermediateIsCa = false;
        return this;
    }

    TestChain leafSignedBySomeoneElse() {
        leafSignedByIntermediate = false;
        return this;
    }

    TestChain leafExpiring(Instant at) {
        leafNotAfter = at;
        return this;
    }

    X509Certificate root() {
        return certificate("TEST root", rootKey.getPublic(), "TEST root", rootKey.getPrivate(), notAfter, true);
    }

    ApplePayTokenSender sender() {
        X509Certificate root = root();
        X509Certificate intermediate = certificate("TEST intermediate", intermediateKey.getPublic(), "TEST root",
                rootKey.getPrivate(), notAfter, intermediateIsCa,
                intermediateMarked ? Oids.APPLE_PAY_INTERMEDIATE : null);
        PrivateKey leafIssuer = leafSignedByIntermediate ? intermediateKey.getPrivate()
                : EcKeys.newP256KeyPair().getPrivate();
        X509Certificate leaf = certificate("TEST leaf", leafKey.getPublic(), "TEST intermediate", leafIssuer,
                leafNotAfter, false, leafMarked ? Oids.APPLE_PAY_LEAF : null);
        return new ApplePayTokenSender(root, intermediate, leaf, (ECPrivateKey) leafKey.getPrivate());
    }

    private X509Certificate certificate(String subject, PublicKey subjectKey, String issuer, PrivateKey issuerKey,
            Instant expires, boolean ca, String... markers) {
        List<byte[]> extensions = new ArrayList<>();
        byte[] isCa = ca ? DerWriter.element(Der.BOOLEAN, new byte[] {(byte) 0xFF}) : new byte[0];
        extensions.add(DerWriter.sequence(DerWriter.oid("2.5.29.19"),
                DerWriter.element(Der.BOOLEAN, new byte[] {(byte) 0xFF}),
                DerWriter.octetString(DerWriter.sequence(isCa))));
        for (String marker : markers) {
            if (marker != null) {
                extensions.add(DerWriter.sequence(DerWriter.oid(marker), DerWriter.octetString(DerWriter.nullValue())));
            }
        }
        byte[] algorithm = DerWriter.sequence(DerWriter.oid(Oids.ECDSA_WITH_SHA_256));
        byte[] tbs = DerWriter.sequence(
                DerWriter.contextConstructed(0, DerWriter.integer(BigInteger.TWO)),
                DerWriter.integer(new BigInteger(63, RANDOM).add(BigInteger.ONE)),
                algorithm, name(issuer),
                DerWriter.sequence(DerWriter.time(notBefore), DerWriter.time(expires)),
                name(subject), subjectKey.getEncoded(),
                DerWriter.contextConstructed(3, DerWriter.sequence(extensions.toArray(new byte[0][]))));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(issuerKey);
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] certificate = DerWriter.sequence(tbs, algorithm, DerWriter.element(Der.BIT_STRING, bits));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] name(String commonName) {
        return DerWriter.sequence(DerWriter.setOf(DerWriter.sequence(DerWriter.oid("2.5.4.3"),
                DerWriter.utf8String(commonName))));
    }
}
