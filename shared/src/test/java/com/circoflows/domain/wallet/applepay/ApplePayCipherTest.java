package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.Sha256;
import com.circoflows.domain.wallet.EcKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** EC_v1's ECDH, KDF and AES-GCM on their own (gala's published values check them against another implementation). */
class ApplePayCipherTest {
    private final ApplePayMerchantKey merchant = ApplePayTestKeys.merchantKey();

    @Test
    void whatIsEncryptedForAMerchantKeyDecryptsWithItAndCarriesA16ByteTag() throws Exception {
        KeyPair ephemeral = EcKeys.newP256KeyPair();
        byte[] plaintext = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        byte[] data = PaymentDataCipher.encrypt(merchant, ephemeral, plaintext);

        assertEquals(plaintext.length + 16, data.length);
        assertArrayEquals(plaintext, PaymentDataCipher.decrypt(merchant, (ECPublicKey) ephemeral.getPublic(), data));
    }

    @Test
    void theKdfHashesCounterSecretAlgorithmPartyUAndTheMerchantIdentifiersHash() {
        byte[] secret = new byte[32];
        byte[] expected = Sha256.of(new byte[] {0, 0, 0, 1}, secret, new byte[] {0x0D},
                "id-aes256-GCM".getBytes(StandardCharsets.US_ASCII), "Apple".getBytes(StandardCharsets.US_ASCII),
                Sha256.of("merchant.x".getBytes(StandardCharsets.UTF_8)));

        assertArrayEquals(expected, ConcatKdf.appleAes256GcmKey(secret, "merchant.x"));
    }

    @Test
    void anEphemeralKeyOnAnotherCurveOrShortDataIsAnInvalidToken() throws Exception {
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        ECPublicKey otherCurve = (ECPublicKey) p384.generateKeyPair().getPublic();
        ECPublicKey ephemeral = (ECPublicKey) EcKeys.newP256KeyPair().getPublic();

        assertThrows(InvalidPaymentToken.class, () -> PaymentDataCipher.decrypt(merchant, otherCurve, new byte[32]));
        assertThrows(InvalidPaymentToken.class, () -> PaymentDataCipher.decrypt(merchant, ephemeral, new byte[0]));
        assertThrows(InvalidPaymentToken.class, () -> PaymentDataCipher.decrypt(merchant, ephemeral, new byte[15]));
        byte[] sealed = PaymentDataCipher.encrypt(merchant, EcKeys.newP256KeyPair(), new byte[10]);
        assertThrows(InvalidPaymentToken.class,
                () -> PaymentDataCipher.decrypt(merchant, ephemeral, Arrays.copyOf(sealed, sealed.length)));
    }
}
