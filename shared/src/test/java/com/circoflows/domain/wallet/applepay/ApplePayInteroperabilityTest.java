package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.Sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real EC_v1 token, opened by an independent implementation, opened here too: the fixture of Spreedly's
 * gala Ruby gem (github.com/spreedly/gala, MIT licence, commit a3223fb199d00a16db6a5e503d1f2aa8f11aa9b1):
 * test/fixtures/token.json, test/fixtures/certificate.pem (the merchant's payment processing certificate),
 * test/fixtures/private_key.pem (converted from SEC 1 to PKCS #8 with `openssl pkcs8 -topk8 -nocrypt`, the
 * same key), and the shared secret, symmetric key and plaintext fields test/payment_token_test.rb asserts.
 * Apple Root CA - G3 is Apple's public root (as shipped in gala's lib/gala/resources/AppleRootCA-G3.pem),
 * pinned here by the SHA-256 fingerprint Apple publishes at apple.com/certificateauthority; it is a test
 * resource only, as production takes its roots from configuration. The token's signature is BER with
 * indefinite lengths, as Apple sends them. Its leaf certificate expired in 2024: the chain is checked at the
 * token's signing time (2021-09-01T19:03:06Z), with the clock fixed there.
 */
class ApplePayInteroperabilityTest {
    private static final String MERCHANT_IDENTIFIER = "merchant.test.spreedly.123merchant";
    static final Instant SIGNING_TIME = Instant.parse("2021-09-01T19:03:06Z");
    private static final String APPLE_ROOT_CA_G3_SHA256 =
            "63343ABFB89A6A03EBB57E9B3F5FA7BE7C4F5C756F3017B3A8C488C3653E9179";
    private static final String MERCHANT_ID_EXTENSION = "1.2.840.113635.100.6.32";

    private final X509Certificate appleRoot = certificate("AppleRootCA-G3.pem");
    private final X509Certificate merchantCertificate = certificate("gala/merchant-certificate.pem");
    private final ApplePayMerchantKey merchant = galaMerchant();
    private final String token = text("gala/token.json");

    @Test
    void appleRootCaG3IsTheCertificateApplePublishes() throws Exception {
        assertEquals(APPLE_ROOT_CA_G3_SHA256, HexFormat.of().withUpperCase().formatHex(Sha256.of(appleRoot.getEncoded())));
        assertEquals("C=US,O=Apple Inc.,OU=Apple Certification Authority,CN=Apple Root CA - G3",
                appleRoot.getSubjectX500Principal().getName());
    }

    @Test
    void theMerchantCertificateCarriesTheHashOfTheMerchantIdentifierTheKdfUses() throws Exception {
        byte[] extension = Der.read(merchantCertificate.getExtensionValue(MERCHANT_ID_EXTENSION)).content();
        String carried = new String(Der.read(extension).expect(Der.UTF8_STRING).content(), StandardCharsets.US_ASCII);

        assertEquals("358DA5890B9555C0A9EFB84B5CD6FF04BFDCD5AABF5DC14B9872D8DF51EAF439", carried);
        assertEquals(carried, HexFormat.of().withUpperCase()
                .formatHex(Sha256.of(MERCHANT_IDENTIFIER.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theTokensPublicKeyHashIsTheHashOfTheMerchantCertificatesKey() throws Exception {
        assertArrayEquals(header("publicKeyHash"), merchant.publicKeyHash());
    }

    @Test
    void sharedSecretAndSymmetricKeyAreGalasPublishedValues() throws Exception {
        byte[] sharedSecret = PaymentDataCipher.sharedSecret((ECPrivateKey) merchant.privateKey(),
                EcKeys.publicKeyX509(Base64.getEncoder().encodeToString(header("ephemeralPublicKey"))));

        assertEquals("yCUzDuNYTnUnANZEdxC7+DvPmqNslB2YWYn68SBsJHU=", Base64.getEncoder().encodeToString(sharedSecret));
        assertEquals("3GTXJ4RuP/IhS23hsdOw2J2ecAZmC0RasbPIFdC3nQM=",
                Base64.getEncoder().encodeToString(ConcatKdf.appleAes256GcmKey(sharedSecret, MERCHANT_IDENTIFIER)));
    }

    @Test
    void galasTokenVerifiesUnderAppleRootCaG3AndOpensToItsPublishedPlaintext() throws Exception {
        ApplePayPayment payment = recipientAt(SIGNING_TIME, List.of(appleRoot)).open(token);

        assertEquals(new ApplePayPayment("f7f133694685bab2f44ae3a7b54e2c0d0d39a3bc73fa2e6b14a2baf628d6ce87",
                "5353756319181169", "240930", "840", 100, "050110030273", "3DSecure", "AMwBRjPWDnAgAA7Rls7mAoABFA==",
                null, null), payment);
    }

    @Test
    void galasTokenIsRefusedOnceTheToleranceHasPassedOrUnderAnotherRoot() {
        InvalidPaymentToken late = assertThrows(InvalidPaymentToken.class,
                () -> recipientAt(SIGNING_TIME.plus(Duration.ofMinutes(6)), List.of(appleRoot)).open(token));
        assertTrue(late.getMessage().contains("too long ago"), late.getMessage());

        InvalidPaymentToken untrusted = assertThrows(InvalidPaymentToken.class,
                () -> recipientAt(SIGNING_TIME, List.of(ApplePayTestKeys.root())).open(token));
        assertTrue(untrusted.getMessage().contains("trusted root"), untrusted.getMessage());
    }

    @Test
    void galasTokenWithAChangedDataByteIsRefused() throws Exception {
        JsonNode parsed = new ObjectMapper().readTree(token);
        byte[] data = Base64.getDecoder().decode(parsed.get("data").asText());
        data[0] ^= 0x01;
        String changed = token.replace(parsed.get("data").asText(), Base64.getEncoder().encodeToString(data));

        InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class,
                () -> recipientAt(SIGNING_TIME, List.of(appleRoot)).open(changed));
        assertTrue(refused.getMessage().contains("message digest"), refused.getMessage());
    }

    /** gala's merchant key, and the merchant identifier whose hash its payment processing certificate carries. */
    static ApplePayMerchantKey galaMerchant() {
        return new ApplePayMerchantKey(MERCHANT_IDENTIFIER,
                EcKeys.privateKeyPkcs8(pemBody("gala/merchant-private-key-pkcs8.pem")),
                (ECPublicKey) certificate("gala/merchant-certificate.pem").getPublicKey());
    }

    private ApplePayTokenRecipient recipientAt(Instant now, List<X509Certificate> roots) {
        return new ApplePayTokenRecipient(roots, List.of(merchant), Duration.ofMinutes(5),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private byte[] header(String field) throws IOException {
        return Base64.getDecoder().decode(new ObjectMapper().readTree(token).get("header").get(field).asText());
    }

    static X509Certificate certificate(String resource) {
        try (InputStream in = open(resource)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pemBody(String resource) {
        return text(resource).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static InputStream open(String resource) {
        InputStream in = ApplePayInteroperabilityTest.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the test classpath");
        }
        return in;
    }
}
