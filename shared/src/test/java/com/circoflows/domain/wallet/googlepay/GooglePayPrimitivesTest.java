package com.circoflows.domain.wallet.googlepay;

import com.circoflows.domain.wallet.Signatures;
import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The primitives against vectors published by others: HKDF against RFC 5869's test cases, and the whole
 * chain (length-prefixed signed string, ECDSA, ECDH, HKDF with info "Google", HMAC tag, AES-CTR) against the
 * fixed ECv1 token in Google's Tink library's PaymentMethodTokenRecipientTest (an independent implementation
 * by the wallet's authors): its signature verifies with its ECv1 test root key and it decrypts to
 * "plaintext". ECv2 runs the same code with 32-byte keys and an intermediate signing key, which Tink's ECv2
 * tests generate afresh each run, so no fixed ECv2 vector exists to check against.
 */
class GooglePayPrimitivesTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Tink's test merchant key (PKCS #8) and Google test root key for ECv1 (X.509), and the token they made. */
    private static final String TINK_MERCHANT_PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgCPSuFr4iSIaQprjj"
            + "chHPyDu2NXFe0vDBoTpPkYaK9dehRANCAATnaFz/vQKuO90pxsINyVNWojabHfbx"
            + "9qIJ6uD7Q7ZSxmtyo/Ez3/o2kDT8g0pIdyVIYktCsq65VoQIDWSh2Bdm";
    private static final String TINK_ECV1_ROOT_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEPYnHwS8uegWAewQtlxizmLFynw"
            + "HcxRT1PK07cDA6/C4sXrVI1SzZCUx8U8S0LjMrT6ird/VW7be3Mz6t/srtRQ==";
    /** signedMessage exactly as signed, its "=" written as the JSON escape \u003d. */
    private static final String TINK_ECV1_SIGNED_MESSAGE = "{\"tag\":\"ZVwlJt7dU8Plk0+r8rPF8DmPTvDiOA1UAoNjDV+SqDE\\u003d\","
            + "\"ephemeralPublicKey\":\"BPhVspn70Zj2Kkgu9t8+ApEuUWsI/zos5whGCQBlgOkuYagOis7"
            + "qsrcbQrcprjvTZO3XOU+Qbcc28FSgsRtcgQE\\u003d\",\"encryptedMessage\":\"12jUObueVTdy\"}";
    private static final String TINK_ECV1_SIGNATURE = "MEQCIDxBoUCoFRGReLdZ/cABlSSRIKoOEFoU3e27c14vMZtfAiBtX3pGMEpnw6mSAbnagC"
            + "CgHlCk3NcFwWYEyxIE6KGZVA==";

    @Test
    void hkdfGivesRfc5869TestCaseOne() {
        byte[] okm = Hkdf.sha256(HEX.parseHex("0b".repeat(22)), HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(okm));
    }

    @Test
    void hkdfWithoutSaltOrInfoGivesRfc5869TestCaseThree() {
        byte[] okm = Hkdf.sha256(HEX.parseHex("0b".repeat(22)), new byte[0], new byte[0], 42);

        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(okm));
    }

    @Test
    void signedStringsPrefixEachPartWithItsLengthLittleEndian() {
        assertArrayEquals(HEX.parseHex("06000000476f6f676c6502000000" + "6869"),
                SignedStrings.of("Google", "hi"));
    }

    @Test
    void tinksFixedEcv1TokenVerifiesAndDecryptsWithTheSamePrimitives() throws Exception {
        byte[] signed = SignedStrings.of("Google", "someRecipient", "ECv1", TINK_ECV1_SIGNED_MESSAGE);

        assertTrue(Signatures.verifies(EcKeys.publicKeyX509(TINK_ECV1_ROOT_PUBLIC_KEY), signed,
                Base64.getDecoder().decode(TINK_ECV1_SIGNATURE)));
        byte[] plaintext = EciesKem.ecV1().decrypt(EcKeys.privateKeyPkcs8(TINK_MERCHANT_PRIVATE_KEY),
                Base64.getDecoder().decode("BPhVspn70Zj2Kkgu9t8+ApEuUWsI/zos5whGCQBlgOkuYagOis7"
                        + "qsrcbQrcprjvTZO3XOU+Qbcc28FSgsRtcgQE="),
                Base64.getDecoder().decode("12jUObueVTdy"),
                Base64.getDecoder().decode("ZVwlJt7dU8Plk0+r8rPF8DmPTvDiOA1UAoNjDV+SqDE="));
        assertEquals("plaintext", new String(plaintext, StandardCharsets.UTF_8));
    }

    @Test
    void theFixedEcv1TokenForAnotherRecipientOrWithAFlippedTagFails() {
        byte[] signedForOther = SignedStrings.of("Google", "not someRecipient", "ECv1", TINK_ECV1_SIGNED_MESSAGE);

        assertTrue(!Signatures.verifies(publicKey(), signedForOther, Base64.getDecoder().decode(TINK_ECV1_SIGNATURE)));
        byte[] tag = Base64.getDecoder().decode("ZVwlJt7dU8Plk0+r8rPF8DmPTvDiOA1UAoNjDV+SqDE=");
        tag[0] ^= 1;
        assertThrows(InvalidPaymentToken.class, () -> EciesKem.ecV1().decrypt(
                EcKeys.privateKeyPkcs8(TINK_MERCHANT_PRIVATE_KEY),
                Base64.getDecoder().decode("BPhVspn70Zj2Kkgu9t8+ApEuUWsI/zos5whGCQBlgOkuYagOis7"
                        + "qsrcbQrcprjvTZO3XOU+Qbcc28FSgsRtcgQE="),
                Base64.getDecoder().decode("12jUObueVTdy"), tag));
    }

    private static java.security.interfaces.ECPublicKey publicKey() {
        try {
            return EcKeys.publicKeyX509(TINK_ECV1_ROOT_PUBLIC_KEY);
        } catch (InvalidPaymentToken e) {
            throw new AssertionError(e);
        }
    }
}
