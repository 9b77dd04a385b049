package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.TokenJson;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.json.JsonObject;
import java.io.ByteArrayOutputStream;

/**
 * The paymentData of an Apple Pay token as sent: version EC_v1 (RSA_v1, used only in China, is refused),
 * the encrypted data, the detached signature, and the header (ephemeral public key, hash of the merchant
 * public key it was encrypted for, transaction id, optional application data).
 */
record EcV1Token(byte[] data, byte[] signature, byte[] ephemeralPublicKey, byte[] publicKeyHash,
        String transactionIdHex, byte[] transactionId, byte[] applicationData) {
    static final String VERSION = "EC_v1";

    static EcV1Token read(String json) throws InvalidPaymentToken {
        JsonObject token = TokenJson.object(json, "the payment data");
        if (!VERSION.equals(TokenJson.text(token, "version"))) {
            throw new InvalidPaymentToken("version is not EC_v1");
        }
        JsonObject header = TokenJson.object(token.get("header"), "header");
        String transactionIdHex = TokenJson.text(header, "transactionId");
        String applicationData = TokenJson.optionalText(header, "applicationData");
        return new EcV1Token(TokenJson.base64(token, "data"), TokenJson.base64(token, "signature"),
                TokenJson.base64(header, "ephemeralPublicKey"), TokenJson.base64(header, "publicKeyHash"),
                transactionIdHex, TokenJson.hex(transactionIdHex, "transactionId"),
                applicationData == null ? null : TokenJson.hex(applicationData, "applicationData"));
    }

    /** What the signature's message digest covers: ephemeral key, data, transaction id, application data. */
    byte[] signedContent() {
        return signedContent(ephemeralPublicKey, data, transactionId, applicationData);
    }

    static byte[] signedContent(byte[] ephemeralPublicKey, byte[] data, byte[] transactionId, byte[] applicationData) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(ephemeralPublicKey);
        content.writeBytes(data);
        content.writeBytes(transactionId);
        if (applicationData != null) {
            content.writeBytes(applicationData);
        }
        return content.toByteArray();
    }
}
