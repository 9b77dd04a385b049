package com.circoflows.adapters.wiring;

import com.circoflows.adapters.dynamodb.DynamoWalletTokenClaims;
import com.circoflows.api.wallets.MintTestWalletTokenEndpoint;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.wallet.TestModeWallets;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.WalletKeyConfig;
import com.circoflows.domain.wallet.WalletKeyring;
import com.circoflows.domain.wallet.WalletPayments;
import com.circoflows.domain.wallet.WalletTokens;

/**
 * Apple Pay and Google Pay: test mode's keys from the jar; production's from the Secrets Manager secret named
 * by WALLET_KEYS_SECRET_ARN (template.yaml's WalletKeysSecret), read on the first live wallet payment, not at
 * start: most containers never see one. As created the secret holds "{}": no live wallets.
 */
public final class WalletWiring {
    static final String LIVE_KEYS_SECRET = "WALLET_KEYS_SECRET_ARN";

    private final Infrastructure infrastructure;
    private final Lazy<WalletKeyring> testKeys;

    WalletWiring(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.testKeys = new Lazy<>(() -> TestModeWallets.keyring(infrastructure.clock()));
    }

    /** Direct payments with a wallet token (and the payment page's wallet buttons). */
    WalletPayments walletPayments(PaymentEngine engine) {
        return new WalletPayments(walletTokens(), engine, infrastructure.creatingTransactionWriter());
    }

    WalletTokens walletTokens() {
        String liveKeysSecret = infrastructure.required(LIVE_KEYS_SECRET);
        Lazy<WalletKeyring> liveKeys = new Lazy<>(() ->
                WalletKeyConfig.parse(infrastructure.secretText(liveKeysSecret), infrastructure.clock()));
        return new WalletTokens(testKeys.get(), liveKeys::get, new DynamoWalletTokenClaims(infrastructure.dynamoDb(),
                infrastructure.required("WALLET_TOKENS_TABLE")), infrastructure.clock());
    }

    public MintTestWalletTokenEndpoint mintTestWalletTokenEndpoint() {
        return new MintTestWalletTokenEndpoint(new TestWalletTokens(infrastructure.clock()), infrastructure.clock());
    }
}
