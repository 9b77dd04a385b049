package com.circoflows.domain.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.wallet.applepay.ApplePayTestKeys;
import com.circoflows.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production secret's format (docs/wallets.md), read by the same parser test mode's keys go through: a
 * document built from test mode's keys opens test mode's tokens, so the format DevOps fill in is exercised.
 */
class WalletKeyConfigTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";

    @Test
    void productionFormatWithBothWalletsOpensTokensOfEach() throws Exception {
        WalletKeyring keyring = WalletKeyConfig.parse(Json.write(config(true)), CLOCK);
        TestWalletTokens mint = new TestWalletTokens(CLOCK);

        for (Wallet wallet : Wallet.values()) {
            String token = mint.mint(new TestWalletTokens.Mint(wallet, MERCHANT, CardNumber.parse("4242424242424242"),
                    new CardExpiry(12, 2030), AuthMethod.CRYPTOGRAM_3DS, null));
            WalletCard card = keyring.opener(wallet).orElseThrow().open(token, MERCHANT);
            assertEquals("4242", card.number().last4(), wallet.wireName());
            assertEquals(new CardExpiry(12, 2030), card.expiry(), wallet.wireName());
        }
    }

    @Test
    void duringARecipientKeyRotationTokensForTheOlderKeyStillOpen() throws Exception {
        Map<String, Object> config = config(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> google = (Map<String, Object>) config.get("google_pay");
        String older = (String) google.remove("recipient_private_key");
        String current = Base64.getEncoder().encodeToString(
                EcKeys.newP256KeyPair().getPrivate().getEncoded());
        google.put("recipient_private_keys", List.of(current, older));
        String token = new TestWalletTokens(CLOCK).mint(new TestWalletTokens.Mint(Wallet.GOOGLE_PAY, MERCHANT,
                CardNumber.parse("4242424242424242"), new CardExpiry(12, 2030), AuthMethod.PAN_ONLY, null));

        WalletCard card = WalletKeyConfig.parse(Json.write(config), CLOCK).opener(Wallet.GOOGLE_PAY).orElseThrow()
                .open(token, MERCHANT);

        assertEquals(AuthMethod.PAN_ONLY, card.authMethod());
    }

    @Test
    void aWalletWithoutASectionIsNotOffered() {
        WalletKeyring keyring = WalletKeyConfig.parse(Json.write(config(false)), CLOCK);

        assertTrue(keyring.offers(Wallet.GOOGLE_PAY));
        assertFalse(keyring.offers(Wallet.APPLE_PAY));
    }

    @Test
    void aBrokenDocumentNamesTheMemberAndNeverAKey() {
        Map<String, Object> config = config(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> google = (Map<String, Object>) config.get("google_pay");
        google.remove("recipient_private_key");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WalletKeyConfig.parse(Json.write(config), CLOCK));

        assertTrue(e.getMessage().contains("recipient_private_key"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WalletKeyConfig.parse("not json", CLOCK));
    }

    private static Map<String, Object> config(boolean withApple) {
        Map<String, Object> config = new LinkedHashMap<>(Json.readMap(TestModeWallets.resource(
                "/com/circoflows/domain/wallet/test-mode-wallet-keys.json")));
        config.put("google_pay", new LinkedHashMap<>((Map<?, ?>) config.get("google_pay")));
        if (withApple) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("merchant_identifier", ApplePayTestKeys.MERCHANT_IDENTIFIER);
            key.put("private_key", Base64.getEncoder().encodeToString(
                    ApplePayTestKeys.merchantKey().privateKey().getEncoded()));
            key.put("public_key", Base64.getEncoder().encodeToString(
                    ApplePayTestKeys.merchantKey().publicKey().getEncoded()));
            Map<String, Object> apple = new LinkedHashMap<>();
            apple.put("root_certificates", List.of(pem(ApplePayTestKeys.root())));
            apple.put("merchant_keys", List.of(key));
            apple.put("signing_time_tolerance_seconds", 300);
            config.put("apple_pay", apple);
        }
        return config;
    }

    private static String pem(java.security.cert.X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
