package com.circoflows.localrunner.fuzz;

import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.domain.wallet.TestModeWallets;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletKeyring;
import com.circoflows.localrunner.e2e.Payments;
import com.circoflows.localrunner.e2e.SentCardData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Genuine Apple Pay tokens for the fuzzers, minted in this JVM with test mode's keys (as POST
 * /api/test/wallet-tokens would): the card and the cryptogram inside go to the card-data scan.
 */
final class FuzzWalletTokens {
    private static final TestWalletTokens MINT = new TestWalletTokens(Clock.systemUTC());
    private static final WalletKeyring KEYS = TestModeWallets.keyring(Clock.systemUTC());
    /** Apple Pay tokens are not bound to a merchant: any fuzz merchant may pay with one. */
    private static final String ANY_MERCHANT = "mch_fuzz";

    private FuzzWalletTokens() {
    }

    static ObjectNode applePay(String card) {
        String token = MINT.mint(new TestWalletTokens.Mint(Wallet.APPLE_PAY, ANY_MERCHANT,
                CardNumber.parse(SentCardData.pan(card)),
                new CardExpiry(Integer.parseInt(Payments.EXPIRY_MONTH), Integer.parseInt(Payments.EXPIRY_YEAR)),
                AuthMethod.CRYPTOGRAM_3DS, null));
        try {
            SentCardData.cryptogram(KEYS.opener(Wallet.APPLE_PAY).orElseThrow().open(token, ANY_MERCHANT)
                    .cryptogram().value());
            JsonNode parsed = ValidBodies.JSON.readTree(token);
            return (ObjectNode) parsed;
        } catch (InvalidPaymentToken e) {
            throw new IllegalStateException("a token test mode just minted does not open", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
