package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.Sha256;
import com.circoflows.domain.wallet.Signatures;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;

/**
 * Writes a detached PKCS #7 SignedData as Apple signs a token (for test mode's Apple): one signer named by
 * issuer and serial number, SHA-256 and ECDSA, signed attributes content type, signing time and message
 * digest, the leaf and intermediate certificates (not the root) attached. DER throughout, where Apple sends
 * BER with indefinite lengths; the reader takes both.
 */
final class SignedDataWriter {
    private SignedDataWriter() {
    }

    static byte[] sign(X509Certificate leaf, X509Certificate intermediate, ECPrivateKey leafKey, byte[] content,
            Instant signingTime) {
        byte[] attributes = DerWriter.setOf(
                attribute(Oids.CONTENT_TYPE, DerWriter.oid(Oids.DATA)),
                attribute(Oids.SIGNING_TIME, DerWriter.time(signingTime)),
                attribute(Oids.MESSAGE_DIGEST, DerWriter.octetString(Sha256.of(content))));
        byte[] signature = Signatures.sign(leafKey, attributes);
        byte[] signedAttributes = attributes.clone();
        signedAttributes[0] = (byte) Der.contextConstructed(0); // sent [0] IMPLICIT, signed as SET OF
        byte[] signerInfo = DerWriter.sequence(
                DerWriter.integer(BigInteger.ONE),
                DerWriter.sequence(leaf.getIssuerX500Principal().getEncoded(), DerWriter.integer(leaf.getSerialNumber())),
                algorithm(Oids.SHA_256, DerWriter.nullValue()),
                signedAttributes,
                algorithm(Oids.ECDSA_WITH_SHA_256),
                DerWriter.octetString(signature));
        byte[] signedData = DerWriter.sequence(
                DerWriter.integer(BigInteger.ONE),
                DerWriter.setOf(algorithm(Oids.SHA_256, DerWriter.nullValue())),
                DerWriter.sequence(DerWriter.oid(Oids.DATA)),
                DerWriter.contextConstructed(0, encoded(leaf), encoded(intermediate)),
                DerWriter.setOf(signerInfo));
        return DerWriter.sequence(DerWriter.oid(Oids.SIGNED_DATA), DerWriter.contextConstructed(0, signedData));
    }

    private static byte[] attribute(String type, byte[] value) {
        return DerWriter.sequence(DerWriter.oid(type), DerWriter.setOf(value));
    }

    private static byte[] algorithm(String oid, byte[]... parameters) {
        byte[][] parts = new byte[parameters.length + 1][];
        parts[0] = DerWriter.oid(oid);
        System.arraycopy(parameters, 0, parts, 1, parameters.length);
        return DerWriter.sequence(parts);
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has its encoding", e);
        }
    }
}
