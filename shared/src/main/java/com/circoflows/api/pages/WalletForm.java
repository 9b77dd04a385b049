package com.circoflows.api.pages;

import com.circoflows.domain.wallet.Wallet;
import java.util.Map;

/**
 * Reads a posted wallet form: which wallet, and either the token a real wallet handed the page's script
 * ({@code payment_token}) or, from test mode's buttons, the test card to mint one for ({@code test_card}).
 */
final class WalletForm {
    static final String WALLET_FIELD = "wallet";
    static final String TOKEN_FIELD = "payment_token";
    static final String TEST_CARD_FIELD = "test_card";

    private WalletForm() {
    }

    /** The submitted form is a wallet's (neither the card form nor the transfer form has a wallet field). */
    static boolean chosen(Map<String, String> fields) {
        return fields.containsKey(WALLET_FIELD);
    }

    /** @param token the real wallet's token, or null when a test card is to be minted for instead */
    record Submission(Wallet wallet, String token, TestWalletCard testCard) {
        boolean valid() {
            return wallet != null && (token != null || testCard != null);
        }

        @Override
        public String toString() {
            return "WalletForm.Submission[" + (wallet == null ? "?" : wallet.wireName()) + "]";
        }
    }

    static Submission read(Map<String, String> fields) {
        Wallet wallet = Wallet.fromWireName(fields.get(WALLET_FIELD)).orElse(null);
        String token = fields.get(TOKEN_FIELD);
        if (token != null && !token.isBlank()) {
            return new Submission(wallet, token, null);
        }
        return new Submission(wallet, null, TestWalletCard.fromWireName(fields.get(TEST_CARD_FIELD)).orElse(null));
    }
}
