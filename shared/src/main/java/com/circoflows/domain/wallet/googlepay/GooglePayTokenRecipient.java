package com.circoflows.domain.wallet.googlepay;

import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.domain.wallet.Signatures;
import com.circoflows.domain.wallet.TokenJson;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Verifies and opens a Google Pay PaymentMethodToken (protocolVersion ECv2, gateway tokenization), in the
 * order Google's payment data cryptography guide gives: the intermediate signing key's signature by a trusted
 * root key, the intermediate key's expiry, the message's signature by the intermediate key (over our recipient
 * id, so a token for someone else fails here), then decryption, then the message's expiry. The JDK's crypto
 * only (ECDSA, ECDH, HMAC, AES-CTR); no third-party library.
 */
public final class GooglePayTokenRecipient {
    static final String PROTOCOL_VERSION = "ECv2";

    private final List<RootSigningKey> roots;
    private final String recipientId;
    private final ECPrivateKey recipientKey;
    private final Clock clock;

    /** @param recipientId "gateway:circoflows", or "merchant:&lt;id&gt;" for direct integrations */
    public GooglePayTokenRecipient(List<RootSigningKey> roots, String recipientId, ECPrivateKey recipientKey,
            Clock clock) {
        this.roots = List.copyOf(roots);
        this.recipientId = Objects.requireNonNull(recipientId, "recipientId");
        this.recipientKey = Objects.requireNonNull(recipientKey, "recipientKey");
        this.clock = clock;
    }

    /** The decrypted message (JSON text: messageExpiration, messageId, paymentMethod, paymentMethodDetails…). */
    public String unseal(String token) throws InvalidPaymentToken {
        Instant now = clock.instant();
        JsonObject outer = TokenJson.object(token, "the token");
        if (!PROTOCOL_VERSION.equals(TokenJson.text(outer, "protocolVersion"))) {
            throw new InvalidPaymentToken("protocolVersion is not ECv2");
        }
        JsonObject intermediate = TokenJson.object(outer.get("intermediateSigningKey"), "intermediateSigningKey");
        String signedKey = TokenJson.text(intermediate, "signedKey");
        ECPublicKey intermediateKey = verifiedIntermediateKey(signedKey, intermediate.get("signatures"), now);
        String signedMessage = TokenJson.text(outer, "signedMessage");
        if (!Signatures.verifies(intermediateKey,
                SignedStrings.forMessage(recipientId, PROTOCOL_VERSION, signedMessage),
                TokenJson.base64(outer, "signature"))) {
            throw new InvalidPaymentToken("the message's signature does not verify for this recipient");
        }
        JsonObject sealed = TokenJson.object(signedMessage, "signedMessage");
        byte[] plaintext = EciesKem.ecV2().decrypt(recipientKey,
                TokenJson.base64(sealed, "ephemeralPublicKey"), TokenJson.base64(sealed, "encryptedMessage"),
                TokenJson.base64(sealed, "tag"));
        String message = new String(plaintext, StandardCharsets.UTF_8);
        Instant expires = millis(TokenJson.text(TokenJson.object(message, "the message"), "messageExpiration"),
                "messageExpiration");
        if (!now.isBefore(expires)) {
            throw new InvalidPaymentToken("the message has expired");
        }
        return message;
    }

    private ECPublicKey verifiedIntermediateKey(String signedKey, JsonValue signatures, Instant now)
            throws InvalidPaymentToken {
        if (signatures == null || !signatures.isArray()) {
            throw new InvalidPaymentToken("intermediateSigningKey.signatures is missing");
        }
        byte[] signed = SignedStrings.forIntermediateKey(PROTOCOL_VERSION, signedKey);
        boolean trusted = false;
        for (JsonValue signature : signatures.elements()) {
            if (!signature.isTextual()) {
                continue;
            }
            byte[] bytes = TokenJson.base64(signature.textValue(), "intermediate signature");
            for (RootSigningKey root : roots) {
                if (root.trustedFor(PROTOCOL_VERSION, now) && Signatures.verifies(root.key(), signed, bytes)) {
                    trusted = true;
                }
            }
        }
        if (!trusted) {
            throw new InvalidPaymentToken("no trusted root key signed the intermediate signing key");
        }
        JsonObject key = TokenJson.object(signedKey, "signedKey");
        if (!now.isBefore(millis(TokenJson.text(key, "keyExpiration"), "keyExpiration"))) {
            throw new InvalidPaymentToken("the intermediate signing key has expired");
        }
        return EcKeys.publicKeyX509(TokenJson.text(key, "keyValue"));
    }

    private static Instant millis(String text, String what) throws InvalidPaymentToken {
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new InvalidPaymentToken(what + " is not a time in milliseconds");
        }
    }
}
