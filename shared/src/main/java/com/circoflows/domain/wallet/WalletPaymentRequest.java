package com.circoflows.domain.wallet;

import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import java.util.Map;
import java.util.Objects;

/**
 * A validated request to pay with a wallet's token. The token is the wallet's, exactly as it gave it:
 * never logged (it holds a card once opened), so toString leaves it out.
 */
public record WalletPaymentRequest(
        Money amount,
        CaptureMethod captureMethod,
        Wallet wallet,
        String token,
        Map<String, Object> customerInfo,
        Map<String, Object> metadata,
        String webhookUrl,
        String returnUrl) {

    public WalletPaymentRequest {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(captureMethod, "captureMethod");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "WalletPaymentRequest[" + amount.formatPlain() + ", " + wallet.wireName() + "]";
    }
}
