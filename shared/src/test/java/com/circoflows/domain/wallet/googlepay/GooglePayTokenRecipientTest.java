package com.circoflows.domain.wallet.googlepay;

import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.MutableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ECv2 tokens made as Google makes them, opened only when every check holds. */
class GooglePayTokenRecipientTest {
    private static final String GATEWAY = "gateway:circoflows";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.atTestNow();
    private final KeyPair root = EcKeys.newP256KeyPair();
    private final KeyPair merchant = EcKeys.newP256KeyPair();
    private final GooglePayTokenSender google = new GooglePayTokenSender((ECPrivateKey) root.getPrivate(),
            EcKeys.newP256KeyPair(), clock.instant().plus(Duration.ofDays(1)));
    private final GooglePayTokenRecipient recipient = recipient(List.of(trustedRoot(root, null)), GATEWAY);

    @Test
    void aTokenSealedForUsOpensToItsMessage() throws Exception {
        String message = message(clock.instant().plus(Duration.ofMinutes(5)));

        assertEquals(message, recipient.unseal(seal(message)));
    }

    @Test
    void aTokenForAnotherRecipientFails() {
        String token = google.seal("gateway:someoneelse", (ECPublicKey) merchant.getPublic(),
                message(clock.instant().plus(Duration.ofMinutes(5))));

        assertRefused(token, "recipient");
    }

    @Test
    void anIntermediateKeySignedByAnUntrustedRootFails() {
        GooglePayTokenSender impostor = new GooglePayTokenSender(
                (ECPrivateKey) EcKeys.newP256KeyPair().getPrivate(), EcKeys.newP256KeyPair(),
                clock.instant().plus(Duration.ofDays(1)));

        assertRefused(impostor.seal(GATEWAY, (ECPublicKey) merchant.getPublic(), message(later())), "root");
    }

    @Test
    void anExpiredRootKeyIsNotTrusted() {
        GooglePayTokenRecipient withExpiredRoot =
                recipient(List.of(trustedRoot(root, clock.instant().minusSeconds(1))), GATEWAY);

        InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class,
                () -> withExpiredRoot.unseal(seal(message(later()))));
        assertTrue(refused.getMessage().contains("root"), refused.getMessage());
    }

    @Test
    void anExpiredIntermediateKeyFails() {
        String token = seal(message(later()));
        clock.advance(Duration.ofDays(2));

        assertRefused(token, "intermediate signing key has expired");
    }

    @Test
    void anExpiredMessageFails() {
        assertRefused(seal(message(clock.instant().minusMillis(1))), "message has expired");
    }

    @Test
    void aChangedSignedMessageFailsItsSignature() throws Exception {
        ObjectNode token = (ObjectNode) JSON.readTree(seal(message(later())));
        token.put("signedMessage", token.get("signedMessage").asText() + " ");

        assertRefused(token.toString(), "signature");
    }

    @Test
    void aTokenSealedForAnotherMerchantKeyFailsItsTag() {
        String token = google.seal(GATEWAY, (ECPublicKey) EcKeys.newP256KeyPair().getPublic(),
                message(later()));

        assertRefused(token, "tag");
    }

    @Test
    void theWrongProtocolVersionAndMalformedTokensFail() throws Exception {
        ObjectNode token = (ObjectNode) JSON.readTree(seal(message(later())));
        token.put("protocolVersion", "ECv1");

        assertRefused(token.toString(), "ECv2");
        for (String malformed : new String[] {"", "[]", "{}", "not json", "{\"protocolVersion\":\"ECv2\"}"}) {
            assertThrows(InvalidPaymentToken.class, () -> recipient.unseal(malformed), malformed);
        }
    }

    @Test
    void aChangedIntermediateKeyFailsItsRootSignature() throws Exception {
        ObjectNode token = (ObjectNode) JSON.readTree(seal(message(later())));
        ObjectNode intermediate = (ObjectNode) token.get("intermediateSigningKey");
        String signedKey = intermediate.get("signedKey").asText();
        intermediate.put("signedKey", signedKey.replace("\"keyExpiration\":\"", "\"keyExpiration\":\"9"));

        assertRefused(token.toString(), "root");
    }

    private void assertRefused(String token, String reasonPart) {
        InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class, () -> recipient.unseal(token));
        assertTrue(refused.getMessage().contains(reasonPart), refused.getMessage());
    }

    private String seal(String message) {
        return google.seal(GATEWAY, (ECPublicKey) merchant.getPublic(), message);
    }

    private Instant later() {
        return clock.instant().plus(Duration.ofMinutes(5));
    }

    private static String message(Instant expires) {
        return "{\"messageExpiration\":\"" + expires.toEpochMilli() + "\",\"messageId\":\"m1\","
                + "\"paymentMethod\":\"CARD\",\"paymentMethodDetails\":{\"authMethod\":\"PAN_ONLY\"}}";
    }

    private GooglePayTokenRecipient recipient(List<RootSigningKey> roots, String recipientId) {
        return new GooglePayTokenRecipient(roots, recipientId, (ECPrivateKey) merchant.getPrivate(), clock);
    }

    private static RootSigningKey trustedRoot(KeyPair key, Instant expires) {
        return new RootSigningKey((ECPublicKey) key.getPublic(), "ECv2", expires);
    }
}
