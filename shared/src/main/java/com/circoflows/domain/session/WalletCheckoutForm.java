package com.circoflows.domain.session;

import com.circoflows.domain.wallet.Wallet;
import java.util.Objects;

/**
 * The customer paid on the payment page with a wallet: the wallet's token, exactly as it handed it to the
 * page (or as test mode's wallet minted it), and the address it came from (the page's declines are limited
 * per address). The token carries a card once opened, so toString leaves it out.
 *
 * @param clientAddress the submitting client's IP address as the API's edge saw it; null if unknown
 */
public record WalletCheckoutForm(Wallet wallet, String token, String clientAddress) {

    public WalletCheckoutForm {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "WalletCheckoutForm[" + wallet.wireName() + "]";
    }
}
