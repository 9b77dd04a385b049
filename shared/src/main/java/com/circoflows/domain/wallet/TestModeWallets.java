package com.circoflows.domain.wallet;

import com.circoflows.domain.wallet.applepay.ApplePayTestKeys;
import com.circoflows.domain.wallet.applepay.ApplePayTokenRecipient;
import com.circoflows.domain.wallet.applepay.ApplePayTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Test mode's wallets: the keys shipped in the jar for test keys only. Test mode has roots and keys of its
 * own, so a token minted by POST /api/test/wallet-tokens verifies only in test mode, and no production key
 * is ever near a test. See bin/google-pay-test-keys and bin/apple-pay-test-chain.
 */
public final class TestModeWallets {
    private static final String RECIPIENT_KEYS = "/com/circoflows/domain/wallet/test-mode-wallet-keys.json";
    private static final String GOOGLE_SENDER_KEYS = "/com/circoflows/domain/wallet/googlepay/test-mode-keys.properties";

    private TestModeWallets() {
    }

    /**
     * What test-mode payments open tokens with: Google Pay's from a document in the production secret's format,
     * Apple Pay's from the shipped test chain (the same opener the production format builds).
     */
    public static WalletKeyring keyring(Clock clock) {
        Map<Wallet, WalletTokenOpener> openers = new EnumMap<>(Wallet.class);
        WalletKeyring google = WalletKeyConfig.parse(resource(RECIPIENT_KEYS), clock);
        openers.put(Wallet.GOOGLE_PAY, google.opener(Wallet.GOOGLE_PAY).orElseThrow());
        Duration tolerance = WalletKeyConfig.APPLE_SIGNING_TIME_TOLERANCE;
        openers.put(Wallet.APPLE_PAY, new ApplePayTokens(new ApplePayTokenRecipient(List.of(ApplePayTestKeys.root()),
                List.of(ApplePayTestKeys.merchantKey()), tolerance, clock), tolerance, clock));
        return new WalletKeyring(openers);
    }

    static Properties googleSenderKeys() {
        Properties keys = new Properties();
        try (InputStream in = TestModeWallets.class.getResourceAsStream(GOOGLE_SENDER_KEYS)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + GOOGLE_SENDER_KEYS);
            }
            keys.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    static String resource(String name) {
        try (InputStream in = TestModeWallets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
