package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The chain a token's signature must lead back through, as Apple's payment token format reference asks:
 * the leaf (marked 1.2.840.113635.100.6.29) signed by the intermediate CA (marked
 * 1.2.840.113635.100.6.2.14), the intermediate signed by one of our trusted roots, each valid when the token
 * was signed. The markers are what stop some other certificate issued under Apple's root from signing tokens.
 */
record AppleCertificateChain(X509Certificate leaf, X509Certificate intermediate, X509Certificate root) {

    static AppleCertificateChain verify(List<X509Certificate> certificates, List<X509Certificate> trustedRoots)
            throws InvalidPaymentToken {
        X509Certificate leaf = onlyOneMarked(certificates, Oids.APPLE_PAY_LEAF, "leaf");
        X509Certificate intermediate = onlyOneMarked(certificates, Oids.APPLE_PAY_INTERMEDIATE, "intermediate");
        if (leaf == intermediate || intermediate.getBasicConstraints() < 0) {
            throw new InvalidPaymentToken("the intermediate certificate is not a separate CA");
        }
        if (!signedBy(leaf, intermediate)) {
            throw new InvalidPaymentToken("the leaf certificate is not signed by the intermediate");
        }
        for (X509Certificate root : trustedRoots) {
            if (signedBy(intermediate, root)) {
                return new AppleCertificateChain(leaf, intermediate, root);
            }
        }
        throw new InvalidPaymentToken("the intermediate certificate is not signed by a trusted root");
    }

    void checkValidAt(Instant signingTime) throws InvalidPaymentToken {
        Date at = Date.from(signingTime);
        for (X509Certificate certificate : List.of(leaf, intermediate, root)) {
            try {
                certificate.checkValidity(at);
            } catch (GeneralSecurityException e) {
                throw new InvalidPaymentToken("a certificate of the chain was not valid at the signing time");
            }
        }
    }

    private static X509Certificate onlyOneMarked(List<X509Certificate> certificates, String marker, String role)
            throws InvalidPaymentToken {
        X509Certificate marked = null;
        for (X509Certificate certificate : certificates) {
            if (certificate.getExtensionValue(marker) != null) {
                if (marked != null) {
                    throw new InvalidPaymentToken("the signature carries more than one " + role + " certificate");
                }
                marked = certificate;
            }
        }
        if (marked == null) {
            throw new InvalidPaymentToken("the signature carries no Apple Pay " + role + " certificate");
        }
        return marked;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
