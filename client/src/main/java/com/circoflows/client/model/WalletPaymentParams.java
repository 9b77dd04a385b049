package com.circoflows.client.model;

import java.util.Map;
import java.util.Objects;

/**
 * An Apple Pay or Google Pay payment: the wallet's token exactly as the wallet gave it (docs/wallets.md).
 * The token is never returned by a getter nor shown by {@link #toString()}.
 */
public final class WalletPaymentParams implements PaymentCreateParams {
    private final long amount;
    private final String currency;
    private final String paymentMethod;
    private final String paymentToken;
    private final String captureMethod;
    private final CustomerInfo customerInfo;
    private final Map<String, Object> metadata;
    private final String webhookUrl;
    private final String returnUrl;

    private WalletPaymentParams(Builder b) {
        amount = b.amountOrZero();
        currency = Objects.requireNonNull(b.currency, "currency");
        paymentMethod = b.paymentMethod;
        paymentToken = Objects.requireNonNull(b.paymentToken, "payment token");
        captureMethod = b.captureMethod;
        customerInfo = b.customerInfo;
        metadata = b.metadataOrNull();
        webhookUrl = b.webhookUrl;
        returnUrl = b.returnUrl;
    }

    /** @param paymentDataJson Apple Pay's {@code paymentData} (EC_v1) as the JSON text the wallet gave */
    public static Builder applePay(String paymentDataJson) {
        return new Builder("apple_pay", paymentDataJson);
    }

    /** @param token Google Pay's {@code paymentMethodData.tokenizationData.token} (ECv2), as given */
    public static Builder googlePay(String token) {
        return new Builder("google_pay", token);
    }

    @Override
    public String toString() {
        return "WalletPaymentParams[" + paymentMethod + ", " + amount + " " + currency + ", token hidden]";
    }

    public static final class Builder extends PaymentParamsBuilder<Builder> {
        private final String paymentMethod;
        private final String paymentToken;
        private String captureMethod;
        private String returnUrl;

        private Builder(String paymentMethod, String paymentToken) {
            this.paymentMethod = paymentMethod;
            this.paymentToken = paymentToken;
        }

        public Builder manualCapture() {
            captureMethod = "manual";
            return this;
        }

        /** Where a Google Pay PAN_ONLY card's 3-D Secure challenge sends the customer back to. */
        public Builder returnUrl(String value) {
            returnUrl = value;
            return this;
        }

        public WalletPaymentParams build() {
            return new WalletPaymentParams(this);
        }
    }
}
