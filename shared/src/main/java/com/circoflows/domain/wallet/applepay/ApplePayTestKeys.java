package com.circoflows.domain.wallet.applepay;

import java.security.cert.X509Certificate;

/**
 * Test mode's merchant side: the merchant key test-mode tokens are encrypted for, and the root they are
 * signed under, to build an {@link ApplePayTokenRecipient} that opens what {@link ApplePayTokenSender#testMode()}
 * seals. TEST ONLY keys, shipped in the repository on purpose; production roots and merchant keys come from
 * configuration, never from here.
 */
public final class ApplePayTestKeys {
    public static final String MERCHANT_IDENTIFIER = "merchant.com.circoflows.test";

    private ApplePayTestKeys() {
    }

    public static ApplePayMerchantKey merchantKey() {
        return Holder.MERCHANT_KEY;
    }

    public static X509Certificate root() {
        return Holder.ROOT;
    }

    /** Loaded on first use, so nothing reads the files unless test mode runs. */
    private static final class Holder {
        static final ApplePayMerchantKey MERCHANT_KEY = new ApplePayMerchantKey(MERCHANT_IDENTIFIER,
                TestModeResources.privateKey("merchant-private-key.pem"),
                TestModeResources.publicKey("merchant-public-key.pem"));
        static final X509Certificate ROOT = TestModeResources.certificate("root.pem");
    }
}
