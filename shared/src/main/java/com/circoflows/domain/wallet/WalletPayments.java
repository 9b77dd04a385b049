package com.circoflows.domain.wallet;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionWriter;

/**
 * A direct payment with a wallet token: the token is redeemed (verified, decrypted, claimed), then its
 * device card goes through the same engine as a typed card (fraud screen, gateway, idempotency, webhooks)
 * and is stored as brand, last4, expiry, fingerprint and the wallet's name only.
 */
public final class WalletPayments {
    private final WalletTokens tokens;
    private final PaymentEngine engine;
    private final TransactionWriter writer;

    public WalletPayments(WalletTokens tokens, PaymentEngine engine, TransactionWriter writer) {
        this.tokens = tokens;
        this.engine = engine;
        this.writer = writer;
    }

    public PaymentOutcome pay(AuthenticatedKey caller, String transactionId, WalletPaymentRequest request) {
        WalletCard card = tokens.redeem(caller.mode(), caller.merchantId(), request.wallet(), request.token(),
                transactionId);
        Transaction transaction = engine.charge(new PaymentEngine.Charge(transactionId, caller.merchantId(),
                caller.mode(), request.amount(), request.captureMethod(),
                CardDetails.fromWallet(card.number(), card.expiry()), request.customerInfo(), request.metadata(),
                request.webhookUrl(), request.returnUrl(), null, card.wallet(), card.cryptogram()));
        return writer.insert(transaction);
    }
}
