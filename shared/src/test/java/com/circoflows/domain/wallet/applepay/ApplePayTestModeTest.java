package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.EcKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped test-mode chain and merchant key are what the README says, and fit together. */
class ApplePayTestModeTest {
    private final X509Certificate root = TestModeResources.certificate("root.pem");
    private final X509Certificate intermediate = TestModeResources.certificate("intermediate.pem");
    private final X509Certificate leaf = TestModeResources.certificate("leaf.pem");

    @Test
    void theChainIsMarkedAsApplesIsAndSaysItIsForTesting() throws Exception {
        assertNotNull(intermediate.getExtensionValue(Oids.APPLE_PAY_INTERMEDIATE));
        assertNotNull(leaf.getExtensionValue(Oids.APPLE_PAY_LEAF));
        assertNull(leaf.getExtensionValue(Oids.APPLE_PAY_INTERMEDIATE));
        assertTrue(intermediate.getNonCriticalExtensionOIDs().contains(Oids.APPLE_PAY_INTERMEDIATE));
        assertTrue(leaf.getNonCriticalExtensionOIDs().contains(Oids.APPLE_PAY_LEAF));
        for (X509Certificate certificate : new X509Certificate[] {root, intermediate, leaf}) {
            assertTrue(certificate.getSubjectX500Principal().getName().contains("CircoFlows TEST Apple Pay"));
            certificate.checkValidity(Date.from(Instant.parse("2026-01-01T00:00:00Z")));
            certificate.checkValidity(Date.from(Instant.parse("2055-12-31T23:59:59Z")));
        }
        assertEquals(root, ApplePayTestKeys.root());
        assertEquals(root, ApplePayTokenSender.testMode().root());
    }

    @Test
    void theChainVerifiesAndTheLeafKeyIsTheLeafsOwn() throws Exception {
        assertEquals(leaf, AppleCertificateChain.verify(List.of(leaf, intermediate),
                List.of(root)).leaf());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(TestModeResources.privateKey("leaf-private-key.pem"));
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(leaf.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature));
    }

    @Test
    void theMerchantKeyPairFitsAndIsForTheTestMerchantIdentifier() throws Exception {
        ApplePayMerchantKey merchant = ApplePayTestKeys.merchantKey();
        KeyPair other = EcKeys.newP256KeyPair();

        assertEquals("merchant.com.circoflows.test", merchant.merchantIdentifier());
        assertArrayEquals(PaymentDataCipher.sharedSecret(merchant.privateKey(), (ECPublicKey) other.getPublic()),
                PaymentDataCipher.sharedSecret((ECPrivateKey) other.getPrivate(), merchant.publicKey()));
    }
}
