package com.circoflows.functions.wallets.testmint;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.wallets.MintTestWalletTokenEndpoint;

/** Test mode's Apple Pay and Google Pay: mints a genuinely signed and encrypted wallet token for a test card. */
@HttpRoute(method = "POST", path = "/api/test/wallet-tokens")
public final class MintTestWalletTokenHandler extends MerchantApiHandler {
    public MintTestWalletTokenHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private MintTestWalletTokenHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.wallets().mintTestWalletTokenEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public MintTestWalletTokenHandler(MerchantApiPipeline pipeline, MintTestWalletTokenEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
