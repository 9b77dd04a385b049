package com.circoflows.domain.wallet.googlepay;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What Google Pay signs: each part's UTF-8 bytes, each preceded by its length as four bytes little-endian.
 * The intermediate signing key's signature covers (sender id, protocol version, signed key); the message's
 * covers (sender id, recipient id, protocol version, signed message).
 */
final class SignedStrings {
    static final String GOOGLE_SENDER_ID = "Google";

    private SignedStrings() {
    }

    static byte[] of(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    static byte[] forIntermediateKey(String protocolVersion, String signedKey) {
        return of(GOOGLE_SENDER_ID, protocolVersion, signedKey);
    }

    static byte[] forMessage(String recipientId, String protocolVersion, String signedMessage) {
        return of(GOOGLE_SENDER_ID, recipientId, protocolVersion, signedMessage);
    }
}
