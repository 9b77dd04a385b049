package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Test mode's Apple: encrypts payment data for a merchant key and signs it under a chain of its own, giving
 * paymentData in exactly Apple's EC_v1 format, so tests (ours and merchants') run the real verification path.
 * Never given Apple's keys; Apple's root is only ever verified against.
 */
public final class ApplePayTokenSender {
    private final X509Certificate root;
    private final X509Certificate intermediate;
    private final X509Certificate leaf;
    private final ECPrivateKey leafKey;

    ApplePayTokenSender(X509Certificate root, X509Certificate intermediate, X509Certificate leaf,
            ECPrivateKey leafKey) {
        this.root = Objects.requireNonNull(root, "root");
        this.intermediate = Objects.requireNonNull(intermediate, "intermediate");
        this.leaf = Objects.requireNonNull(leaf, "leaf");
        this.leafKey = Objects.requireNonNull(leafKey, "leafKey");
    }

    /**
     * The shipped test-mode chain (root, intermediate marked 1.2.840.113635.100.6.2.14, leaf marked
     * 1.2.840.113635.100.6.29, valid 2026-01-01..2056-01-01) and the leaf's private key. TEST ONLY.
     */
    public static ApplePayTokenSender testMode() {
        return TestMode.SENDER;
    }

    public X509Certificate root() {
        return root;
    }

    /** paymentData JSON text: version, data, signature, header {ephemeralPublicKey, publicKeyHash, transactionId}. */
    public String seal(ApplePayMerchantKey recipient, String decryptedJson, String transactionIdHex,
            Instant signingTime) {
        return seal(recipient, decryptedJson, transactionIdHex, null, signingTime);
    }

    /** With header.applicationData (hex), which the signature then covers too. */
    String seal(ApplePayMerchantKey recipient, String decryptedJson, String transactionIdHex,
            String applicationDataHex, Instant signingTime) {
        KeyPair ephemeral = EcKeys.newP256KeyPair();
        byte[] ephemeralPublicKey = ephemeral.getPublic().getEncoded();
        byte[] data = PaymentDataCipher.encrypt(recipient, ephemeral, decryptedJson.getBytes(StandardCharsets.UTF_8));
        byte[] signedContent = EcV1Token.signedContent(ephemeralPublicKey, data,
                HexFormat.of().parseHex(transactionIdHex),
                applicationDataHex == null ? null : HexFormat.of().parseHex(applicationDataHex));
        byte[] signature = SignedDataWriter.sign(leaf, intermediate, leafKey, signedContent, signingTime);

        Map<String, Object> header = new LinkedHashMap<>();
        if (applicationDataHex != null) {
            header.put("applicationData", applicationDataHex);
        }
        header.put("ephemeralPublicKey", Base64.getEncoder().encodeToString(ephemeralPublicKey));
        header.put("publicKeyHash", Base64.getEncoder().encodeToString(recipient.publicKeyHash()));
        header.put("transactionId", transactionIdHex);
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("version", EcV1Token.VERSION);
        token.put("data", Base64.getEncoder().encodeToString(data));
        token.put("signature", Base64.getEncoder().encodeToString(signature));
        token.put("header", header);
        return Json.write(token);
    }


    /** Loaded on first use, so nothing reads the files unless test mode runs. */
    private static final class TestMode {
        static final ApplePayTokenSender SENDER = new ApplePayTokenSender(
                TestModeResources.certificate("root.pem"), TestModeResources.certificate("intermediate.pem"),
                TestModeResources.certificate("leaf.pem"), TestModeResources.privateKey("leaf-private-key.pem"));
    }
}
