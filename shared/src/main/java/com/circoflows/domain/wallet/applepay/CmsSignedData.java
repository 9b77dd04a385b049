package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The parts of a detached PKCS #7 / CMS SignedData (RFC 5652) that a payment token's signature is checked
 * by: its certificates, and its one signer (who, with which algorithms, over which attributes). The JDK has
 * no CMS API; the structure is read with {@link Der} and the certificates with the JDK's X.509 factory.
 * Apple's signatures are version 1 (a signer named by issuer and serial number), over id-data, detached.
 */
record CmsSignedData(List<X509Certificate> certificates, X500Principal signerIssuer, BigInteger signerSerial,
        String digestAlgorithm, SignedAttributes signedAttributes, String signatureAlgorithm, byte[] signature) {

    static CmsSignedData read(byte[] bytes) throws InvalidPaymentToken {
        Der contentInfo = Der.read(bytes).expect(Der.SEQUENCE);
        if (!Oids.SIGNED_DATA.equals(contentInfo.child(0).oid())) {
            throw new InvalidPaymentToken("the signature is not a PKCS #7 SignedData");
        }
        Der signedData = contentInfo.child(1).expect(Der.contextConstructed(0)).child(0).expect(Der.SEQUENCE);
        if (!BigInteger.ONE.equals(signedData.child(0).integer())) {
            throw new InvalidPaymentToken("the SignedData is not version 1");
        }
        signedData.child(1).expect(Der.SET);
        Der encapsulated = signedData.child(2).expect(Der.SEQUENCE);
        if (!Oids.DATA.equals(encapsulated.child(0).oid()) || encapsulated.count() != 1) {
            throw new InvalidPaymentToken("the signature is not a detached signature over data");
        }
        int last = signedData.count() - 1;
        if (last < 3) {
            throw new InvalidPaymentToken("the SignedData has no signer");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 3; i < last; i++) {
            Der part = signedData.child(i);
            if (part.tag() == Der.contextConstructed(0) && certificates.isEmpty()) {
                for (Der certificate : part.children()) {
                    certificates.add(certificate(certificate.expect(Der.SEQUENCE).encoded()));
                }
            } else if (part.tag() != Der.contextConstructed(1)) { // revocation lists, which tokens do not use
                throw new InvalidPaymentToken("the SignedData has an unexpected part");
            }
        }
        Der signerInfos = signedData.child(last).expect(Der.SET);
        if (signerInfos.count() != 1) {
            throw new InvalidPaymentToken("the signature does not have exactly one signer");
        }
        return withSigner(List.copyOf(certificates), signerInfos.child(0).expect(Der.SEQUENCE));
    }

    private static CmsSignedData withSigner(List<X509Certificate> certificates, Der signer)
            throws InvalidPaymentToken {
        if (!BigInteger.ONE.equals(signer.child(0).integer()) || signer.count() < 6 || signer.count() > 7
                || signer.count() == 7 && signer.child(6).tag() != Der.contextConstructed(1)) {
            throw new InvalidPaymentToken("the signer is not a version 1 SignerInfo");
        }
        Der issuerAndSerial = signer.child(1).expect(Der.SEQUENCE);
        X500Principal issuer;
        try {
            issuer = new X500Principal(issuerAndSerial.child(0).expect(Der.SEQUENCE).encoded());
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentToken("the signer's issuer is not a name");
        }
        return new CmsSignedData(certificates, issuer, issuerAndSerial.child(1).integer(),
                signer.child(2).expect(Der.SEQUENCE).child(0).oid(), SignedAttributes.read(signer.child(3)),
                signer.child(4).expect(Der.SEQUENCE).child(0).oid(), signer.child(5).expect(Der.OCTET_STRING).content());
    }

    private static X509Certificate certificate(byte[] encoded) throws InvalidPaymentToken {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
        } catch (CertificateException e) {
            throw new InvalidPaymentToken("the signature carries a certificate that does not parse");
        }
    }
}
