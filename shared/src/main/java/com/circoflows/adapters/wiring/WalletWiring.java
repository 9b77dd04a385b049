package com.circoflows.adapters.wiring;

import com.circoflows.adapters.dynamodb.DynamoWalletTokenClaims;
import com.circoflows.api.pages.LiveWallets;
import com.circoflows.api.pages.PageWallets;
import com.circoflows.api.pages.TestWallets;
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
    /** The payment page's real Google Pay button (live sessions): our merchant id in Google's console. */
    static final String GOOGLE_PAY_MERCHANT_ID = "GOOGLE_PAY_MERCHANT_ID";
    /** TEST or PRODUCTION (the default), as Google Pay's client takes it. */
    static final String GOOGLE_PAY_ENVIRONMENT = "GOOGLE_PAY_ENVIRONMENT";
    /** The payment page's real Apple Pay button (live sessions): our Apple merchant identifier. */
    static final String APPLE_PAY_MERCHANT_ID = "APPLE_PAY_MERCHANT_ID";
    /**
     * Apple Pay on the web needs merchant validation (our server calling Apple with the merchant identity
     * certificate), which is not built: until it is, no page shows a real Apple Pay button, whatever is set.
     */
    private static final boolean APPLE_PAY_MERCHANT_VALIDATION_SERVED = false;
    /** Where payments are processed, as both wallets ask (ISO 3166-1 alpha-2; US when unset). */
    static final String WALLET_COUNTRY_CODE = "WALLET_COUNTRY_CODE";

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

    /**
     * The payment page's wallets: test mode's (always), and the real buttons for live sessions only where
     * configured; with nothing set, a live page shows no wallet button and its CSP names no wallet.
     */
    PageWallets pageWallets() {
        LiveWallets live = new LiveWallets(infrastructure.optional(GOOGLE_PAY_MERCHANT_ID).orElse(null),
                infrastructure.optional(GOOGLE_PAY_ENVIRONMENT).filter(value -> !value.isBlank()).orElse("PRODUCTION"),
                infrastructure.optional(APPLE_PAY_MERCHANT_ID).orElse(null),
                APPLE_PAY_MERCHANT_VALIDATION_SERVED,
                infrastructure.optional(WALLET_COUNTRY_CODE).filter(value -> !value.isBlank()).orElse("US"));
        return new PageWallets(TestWallets.of(new TestWalletTokens(infrastructure.clock()), infrastructure.clock()),
                live);
    }

    public MintTestWalletTokenEndpoint mintTestWalletTokenEndpoint() {
        return new MintTestWalletTokenEndpoint(new TestWalletTokens(infrastructure.clock()), infrastructure.clock());
    }
}
