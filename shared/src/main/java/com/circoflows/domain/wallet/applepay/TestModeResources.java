package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * The PEM files of test mode's Apple and merchant (test-mode/ beside this class; bin/apple-pay-test-chain
 * makes them). TEST ONLY: production roots and merchant keys come from configuration.
 */
final class TestModeResources {
    private TestModeResources() {
    }

    static X509Certificate certificate(String name) {
        try (InputStream in = open(name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("test-mode/" + name + " is not a certificate", e);
        }
    }

    /** A PKCS #8 "PRIVATE KEY". */
    static ECPrivateKey privateKey(String name) {
        return EcKeys.privateKeyPkcs8(pemBody(name));
    }

    /** An X.509 SubjectPublicKeyInfo "PUBLIC KEY". */
    static ECPublicKey publicKey(String name) {
        try {
            return EcKeys.publicKeyX509(pemBody(name));
        } catch (InvalidPaymentToken e) {
            throw new IllegalStateException("test-mode/" + name + " is not an EC public key", e);
        }
    }

    private static String pemBody(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = TestModeResources.class.getResourceAsStream("test-mode/" + name);
        if (in == null) {
            throw new IllegalStateException("test-mode/" + name + " is not on the classpath");
        }
        return in;
    }
}
