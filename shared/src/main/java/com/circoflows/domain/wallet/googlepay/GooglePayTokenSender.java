package com.circoflows.domain.wallet.googlepay;

import com.circoflows.domain.wallet.Signatures;
import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test mode's Google: signs an intermediate key with a root key of its own, signs and encrypts a message to
 * a recipient, producing a token in exactly the format Google Pay does, so tests (ours and merchants') run the
 * real verification path. Never given Google's keys; Google's roots are only ever verified against.
 */
public final class GooglePayTokenSender {
    private final ECPrivateKey rootKey;
    private final KeyPair intermediate;
    private final Instant intermediateExpires;

    public GooglePayTokenSender(ECPrivateKey rootKey, KeyPair intermediate, Instant intermediateExpires) {
        this.rootKey = rootKey;
        this.intermediate = intermediate;
        this.intermediateExpires = intermediateExpires;
    }


    public String seal(String recipientId, ECPublicKey recipientKey, String message) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("keyValue", Base64.getEncoder().encodeToString(intermediate.getPublic().getEncoded()));
        key.put("keyExpiration", Long.toString(intermediateExpires.toEpochMilli()));
        String signedKey = Json.write(key);
        byte[] keySignature = Signatures.sign(rootKey,
                SignedStrings.forIntermediateKey(GooglePayTokenRecipient.PROTOCOL_VERSION, signedKey));

        EciesKem.Sealed sealed = EciesKem.ecV2().encrypt(recipientKey, message.getBytes(StandardCharsets.UTF_8),
                EcKeys.newP256KeyPair());
        Map<String, Object> sealedMessage = new LinkedHashMap<>();
        sealedMessage.put("encryptedMessage", Base64.getEncoder().encodeToString(sealed.ciphertext()));
        sealedMessage.put("ephemeralPublicKey", Base64.getEncoder().encodeToString(sealed.ephemeralPoint()));
        sealedMessage.put("tag", Base64.getEncoder().encodeToString(sealed.tag()));
        String signedMessage = Json.write(sealedMessage);
        byte[] messageSignature = Signatures.sign((ECPrivateKey) intermediate.getPrivate(),
                SignedStrings.forMessage(recipientId, GooglePayTokenRecipient.PROTOCOL_VERSION, signedMessage));

        Map<String, Object> token = new LinkedHashMap<>();
        token.put("signature", Base64.getEncoder().encodeToString(messageSignature));
        Map<String, Object> intermediateKey = new LinkedHashMap<>();
        intermediateKey.put("signedKey", signedKey);
        intermediateKey.put("signatures", List.of(Base64.getEncoder().encodeToString(keySignature)));
        token.put("intermediateSigningKey", intermediateKey);
        token.put("protocolVersion", GooglePayTokenRecipient.PROTOCOL_VERSION);
        token.put("signedMessage", signedMessage);
        return Json.write(token);
    }
}
