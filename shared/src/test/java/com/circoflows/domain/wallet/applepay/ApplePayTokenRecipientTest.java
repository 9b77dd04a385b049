package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.EcKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.testing.MutableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EC_v1 paymentData minted as Apple mints it, opened only when every check of Apple's reference holds. */
class ApplePayTokenRecipientTest {
    static final String TRANSACTION_ID = "c1caf5ae72f0968d4b1d3e7a1e4f6e0b9c2d8a7f3e5b1c9d0a2e4f6b8c0d2e4f";
    static final String PAYMENT = "{\"applicationPrimaryAccountNumber\":\"4111111111111111\","
            + "\"applicationExpirationDate\":\"291231\",\"currencyCode\":\"978\",\"transactionAmount\":1250,"
            + "\"cardholderName\":\"Ada Lovelace\",\"deviceManufacturerIdentifier\":\"040010030273\","
            + "\"paymentDataType\":\"3DSecure\",\"paymentData\":{\"onlinePaymentCryptogram\":"
            + "\"AOm3kZcAAAAAAAAAAAAAAAAAAAA=\",\"eciIndicator\":\"7\"}}";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.atTestNow();
    private final ApplePayTokenSender apple = ApplePayTokenSender.testMode();
    private final ApplePayMerchantKey merchant = ApplePayTestKeys.merchantKey();
    private final ApplePayTokenRecipient recipient = recipient(List.of(merchant));

    @Test
    void aMintedTokenOpensToTheSamePayment() throws Exception {
        ApplePayPayment payment = recipient.open(seal(clock.instant()));

        assertEquals(new ApplePayPayment(TRANSACTION_ID, "4111111111111111", "291231", "978", 1250, "040010030273",
                "3DSecure", "AOm3kZcAAAAAAAAAAAAAAAAAAAA=", "7", "Ada Lovelace"), payment);
    }

    @Test
    void theOptionalEciIndicatorAndCardholderNameMayBeAbsent() throws Exception {
        String bare = PAYMENT.replace("\"cardholderName\":\"Ada Lovelace\",", "").replace(",\"eciIndicator\":\"7\"", "");

        ApplePayPayment payment = recipient.open(apple.seal(merchant, bare, TRANSACTION_ID, clock.instant()));

        assertNull(payment.eciIndicator());
        assertNull(payment.cardholderName());
    }

    @Test
    void thePaymentsTextShowsTheLastFourDigitsButNeitherTheCardNumberNorTheCryptogram() throws Exception {
        String text = recipient.open(seal(clock.instant())).toString();

        assertTrue(text.contains("1111") && text.contains(TRANSACTION_ID), text);
        assertFalse(text.contains("4111111111111111") || text.contains("AOm3kZc") || text.contains("Ada"), text);
    }

    @Test
    void theKeyIsChosenByThePublicKeyHashAmongSeveral() throws Exception {
        ApplePayMerchantKey other = merchantKey("merchant.com.circoflows.other");
        ApplePayTokenRecipient rotating = recipient(List.of(merchant, other));

        assertEquals("4111111111111111", rotating.open(seal(clock.instant())).applicationPrimaryAccountNumber());
        assertEquals("4111111111111111", rotating.open(apple.seal(other, PAYMENT, TRANSACTION_ID, clock.instant()))
                .applicationPrimaryAccountNumber());
    }

    @Test
    void applicationDataIsCoveredByTheSignature() throws Exception {
        ObjectNode token = token(apple.seal(merchant, PAYMENT, TRANSACTION_ID, "00ff10", clock.instant()));
        assertEquals("4111111111111111", recipient.open(token.toString()).applicationPrimaryAccountNumber());

        ((ObjectNode) token.get("header")).put("applicationData", "00ff11");
        assertRefused(token.toString(), "message digest");
        ((ObjectNode) token.get("header")).remove("applicationData");
        assertRefused(token.toString(), "message digest");
    }

    @Test
    void aTamperedDataByteIsRefused() throws Exception {
        ObjectNode token = token(seal(clock.instant()));
        byte[] data = Base64.getDecoder().decode(token.get("data").asText());
        data[data.length / 2] ^= 0x01;
        token.put("data", Base64.getEncoder().encodeToString(data));

        assertRefused(token.toString(), "message digest");
    }

    @Test
    void aTamperedEphemeralKeyIsRefused() throws Exception {
        ObjectNode token = token(seal(clock.instant()));
        ((ObjectNode) token.get("header")).put("ephemeralPublicKey",
                Base64.getEncoder().encodeToString(EcKeys.newP256KeyPair().getPublic().getEncoded()));

        assertRefused(token.toString(), "message digest");
    }

    @Test
    void aTamperedTransactionIdIsRefused() throws Exception {
        ObjectNode token = token(seal(clock.instant()));
        ((ObjectNode) token.get("header")).put("transactionId", "d" + TRANSACTION_ID.substring(1));

        assertRefused(token.toString(), "message digest");
    }

    @Test
    void aSignatureUnderAnUntrustedRootIsRefused() {
        assertRefused(sealBy(new TestChain()), "trusted root");
    }

    @Test
    void aLeafWithoutApplesMarkerIsRefused() {
        assertRefused(sealBy(new TestChain().leafWithoutMarker()), "no Apple Pay leaf");
    }

    @Test
    void anIntermediateWithoutApplesMarkerIsRefused() {
        assertRefused(sealBy(new TestChain().intermediateWithoutMarker()), "no Apple Pay intermediate");
    }

    @Test
    void anIntermediateThatIsNotACaIsRefused() {
        assertRefused(sealBy(new TestChain().intermediateNotACa()), "not a separate CA");
    }

    @Test
    void aLeafNotSignedByTheIntermediateIsRefused() {
        assertRefused(sealBy(new TestChain().leafSignedBySomeoneElse()), "not signed by the intermediate");
    }

    @Test
    void aChainTrustedThroughAnotherConfiguredRootOpens() throws Exception {
        TestChain chain = new TestChain();
        ApplePayTokenRecipient trustingBoth = new ApplePayTokenRecipient(List.of(apple.root(), chain.root()),
                List.of(merchant), TOLERANCE, clock);

        assertEquals(TRANSACTION_ID, trustingBoth.open(sealBy(chain)).transactionId());
    }

    @Test
    void aLeafNoLongerValidAtTheSigningTimeIsRefused() {
        TestChain chain = new TestChain().leafExpiring(clock.instant().minusSeconds(1));
        ApplePayTokenRecipient trusting = new ApplePayTokenRecipient(List.of(chain.root()), List.of(merchant),
                TOLERANCE, clock);

        InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class, () -> trusting.open(
                chain.sender().seal(merchant, PAYMENT, TRANSACTION_ID, clock.instant())));
        assertTrue(refused.getMessage().contains("not valid at the signing time"), refused.getMessage());
    }

    @Test
    void aTokenSignedLongerAgoThanTheToleranceIsRefused() throws Exception {
        assertEquals(TRANSACTION_ID, recipient.open(seal(clock.instant().minus(TOLERANCE))).transactionId());

        assertRefused(seal(clock.instant().minus(TOLERANCE).minusSeconds(1)), "too long ago");
    }

    @Test
    void aTokenSignedMoreThanAMinuteAheadOfOurClockIsRefused() throws Exception {
        assertEquals(TRANSACTION_ID, recipient.open(seal(clock.instant().plus(TokenSignature.FUTURE_SKEW)))
                .transactionId());

        assertRefused(seal(clock.instant().plus(TokenSignature.FUTURE_SKEW).plusSeconds(1)), "in the future");
    }

    @Test
    void aTokenForAMerchantKeyWeDoNotHoldIsRefused() {
        String token = apple.seal(merchantKey(ApplePayTestKeys.MERCHANT_IDENTIFIER), PAYMENT, TRANSACTION_ID,
                clock.instant());

        assertRefused(token, "merchant key we do not hold");
    }

    @Test
    void aWrongMerchantIdentifierFailsTheGcmTag() {
        ApplePayMerchantKey sameKeyOtherIdentifier = new ApplePayMerchantKey("merchant.com.circoflows.other",
                merchant.privateKey(), merchant.publicKey());
        ApplePayTokenRecipient misconfigured = recipient(List.of(sameKeyOtherIdentifier));

        InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class,
                () -> misconfigured.open(seal(clock.instant())));
        assertTrue(refused.getMessage().contains("GCM tag"), refused.getMessage());
    }

    @Test
    void theSignerMustBeTheLeaf() throws Exception {
        ObjectNode token = token(seal(clock.instant()));
        byte[] signature = Base64.getDecoder().decode(token.get("signature").asText());
        byte[] serial = DerWriter.integer(TestModeResources.certificate("leaf.pem").getSerialNumber());
        signature[lastIndexOf(signature, serial) + serial.length - 1] ^= 0x01; // the signer's serial is not signed
        token.put("signature", Base64.getEncoder().encodeToString(signature));

        assertRefused(token.toString(), "signer is not the leaf");
    }

    @Test
    void aDigestAlgorithmOtherThanSha256IsRefused() throws Exception {
        ObjectNode token = token(seal(clock.instant()));
        byte[] signature = Base64.getDecoder().decode(token.get("signature").asText());
        byte[] sha256 = DerWriter.oid(Oids.SHA_256);
        signature[lastIndexOf(signature, sha256) + sha256.length - 1] = 0x03; // SHA-512, in the signer's info
        token.put("signature", Base64.getEncoder().encodeToString(signature));

        assertRefused(token.toString(), "not ECDSA with SHA-256");
    }

    @Test
    void versionRsaV1IsRefused() throws Exception {
        ObjectNode token = token(seal(clock.instant()));
        token.put("version", "RSA_v1");

        assertRefused(token.toString(), "EC_v1");
    }

    @Test
    void malformedJsonAndFieldsAreRefused() throws Exception {
        String sealed = seal(clock.instant());
        List<String> malformed = List.of("", "[]", "{}", "not json", "{\"version\":\"EC_v1\"}", "null",
                replaceTopLevel(sealed, "data", "not base64!"),
                replaceTopLevel(sealed, "signature", "***"),
                replaceTopLevel(sealed, "header", "a string"),
                replaceHeader(sealed, "ephemeralPublicKey", "bm90IGEga2V5"),
                replaceHeader(sealed, "ephemeralPublicKey", "%%%"),
                replaceHeader(sealed, "publicKeyHash", "bm90IGEgaGFzaA=="),
                replaceHeader(sealed, "transactionId", "not hex"),
                replaceHeader(sealed, "transactionId", ""),
                replaceHeader(sealed, "applicationData", "zz"),
                sealed.replace("\"transactionId\"", "\"transactionID\""),
                sealed.replace("\"data\":\"", "\"data\":1,\"ignored\":\""));
        for (String token : malformed) {
            assertThrows(InvalidPaymentToken.class, () -> recipient.open(token), token);
        }
        assertThrows(InvalidPaymentToken.class, () -> recipient.open(null));
    }

    @Test
    void decryptedDataThatIsNotAPaymentIsRefused() {
        assertRefused(apple.seal(merchant, "not json", TRANSACTION_ID, clock.instant()), "not JSON");
        assertRefused(apple.seal(merchant, PAYMENT.replace("1250", "\"1250\""), TRANSACTION_ID, clock.instant()),
                "transactionAmount");
    }

    @Test
    void reasonsNeverQuoteTheCardNumberOrCryptogram() {
        ApplePayTokenRecipient misconfigured = recipient(List.of(new ApplePayMerchantKey("merchant.x",
                merchant.privateKey(), merchant.publicKey())));
        for (String token : List.of(seal(clock.instant().minus(Duration.ofDays(1))),
                apple.seal(merchant, PAYMENT.replace("291231", "2912"), TRANSACTION_ID, clock.instant()))) {
            InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class, () -> recipient.open(token));
            assertFalse(refused.getMessage().contains("4111") || refused.getMessage().contains("AOm3"));
        }
        InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class,
                () -> misconfigured.open(seal(clock.instant())));
        assertFalse(refused.getMessage().contains("4111"));
    }

    private String seal(Instant signingTime) {
        return apple.seal(merchant, PAYMENT, TRANSACTION_ID, signingTime);
    }

    private String sealBy(TestChain chain) {
        return chain.sender().seal(merchant, PAYMENT, TRANSACTION_ID, clock.instant());
    }

    private void assertRefused(String token, String reasonPart) {
        InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class, () -> recipient.open(token));
        assertTrue(refused.getMessage().contains(reasonPart), refused.getMessage());
    }

    private ApplePayTokenRecipient recipient(List<ApplePayMerchantKey> keys) {
        return new ApplePayTokenRecipient(List.of(apple.root()), keys, TOLERANCE, clock);
    }

    static ApplePayMerchantKey merchantKey(String identifier) {
        KeyPair pair = EcKeys.newP256KeyPair();
        return new ApplePayMerchantKey(identifier, (ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
    }

    private static ObjectNode token(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static String replaceTopLevel(String json, String field, String value) throws Exception {
        ObjectNode token = token(json);
        token.put(field, value);
        return token.toString();
    }

    private static String replaceHeader(String json, String field, String value) throws Exception {
        ObjectNode token = token(json);
        ((ObjectNode) token.get("header")).put(field, value);
        return token.toString();
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = haystack[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        throw new AssertionError("not found: " + HexFormat.of().formatHex(needle));
    }
}
