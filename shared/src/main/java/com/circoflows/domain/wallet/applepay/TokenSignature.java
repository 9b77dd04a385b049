package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.Sha256;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Step 2 of opening a token: its detached PKCS #7 signature must come from Apple's leaf through a trusted
 * chain, name that leaf as its signer, use SHA-256 and ECDSA, cover exactly the token's content (by the
 * message digest attribute) and have been made recently. A token signed longer ago than the tolerance may be
 * a replay. A signing time slightly ahead of our clock is accepted ({@link #FUTURE_SKEW}): Apple's clock and
 * ours are set independently, and a minute covers their drift without letting a token be pre-dated.
 */
final class TokenSignature {
    static final Duration FUTURE_SKEW = Duration.ofMinutes(1);

    private final List<X509Certificate> trustedRoots;
    private final Duration tolerance;
    private final Clock clock;

    TokenSignature(List<X509Certificate> trustedRoots, Duration tolerance, Clock clock) {
        this.trustedRoots = List.copyOf(trustedRoots);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    void verify(byte[] signature, byte[] signedContent) throws InvalidPaymentToken {
        CmsSignedData cms = CmsSignedData.read(signature);
        AppleCertificateChain chain = AppleCertificateChain.verify(cms.certificates(), trustedRoots);
        X509Certificate leaf = chain.leaf();
        if (!leaf.getIssuerX500Principal().equals(cms.signerIssuer())
                || !leaf.getSerialNumber().equals(cms.signerSerial())) {
            throw new InvalidPaymentToken("the signer is not the leaf certificate");
        }
        if (!Oids.SHA_256.equals(cms.digestAlgorithm()) || !Oids.ECDSA_WITH_SHA_256.equals(cms.signatureAlgorithm())) {
            throw new InvalidPaymentToken("the signature is not ECDSA with SHA-256");
        }
        SignedAttributes attributes = cms.signedAttributes();
        if (!ecdsaVerifies(leaf, attributes.signedBytes(), cms.signature())) {
            throw new InvalidPaymentToken("the leaf's signature over the signed attributes does not verify");
        }
        if (!Oids.DATA.equals(attributes.contentType())) {
            throw new InvalidPaymentToken("the signed content type is not data");
        }
        if (!MessageDigest.isEqual(Sha256.of(signedContent), attributes.messageDigest())) {
            throw new InvalidPaymentToken("the message digest does not match the token's content");
        }
        checkRecent(attributes.signingTime());
        chain.checkValidAt(attributes.signingTime());
    }

    private void checkRecent(Instant signingTime) throws InvalidPaymentToken {
        Instant now = clock.instant();
        if (signingTime.isBefore(now.minus(tolerance))) {
            throw new InvalidPaymentToken("the token was signed too long ago");
        }
        if (signingTime.isAfter(now.plus(FUTURE_SKEW))) {
            throw new InvalidPaymentToken("the token's signing time is in the future");
        }
    }

    private static boolean ecdsaVerifies(X509Certificate leaf, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature, or a leaf key that is not EC, does not verify
        }
    }
}
