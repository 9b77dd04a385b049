package com.circoflows.client.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A bank transfer (EUR, GBP or USD): answered 202 {@code pending} with the payer's instructions in
 * {@link Payment#getActionData()}; it completes when the money arrives (docs/bank-transfers.md).
 * {@code customerInfo} is required, with the payer's {@code name} as their bank will send it.
 */
public final class BankTransferPaymentParams implements PaymentCreateParams {
    private final long amount;
    private final String currency;
    private final String paymentMethod = "bank_transfer";
    private final CustomerInfo customerInfo;
    private final Map<String, Object> metadata;
    private final String webhookUrl;
    private final String expiresAt;

    private BankTransferPaymentParams(Builder b) {
        amount = b.amountOrZero();
        currency = Objects.requireNonNull(b.currency, "currency");
        customerInfo = Objects.requireNonNull(b.customerInfo, "customer info (the payer's name is required)");
        metadata = b.metadataOrNull();
        webhookUrl = b.webhookUrl;
        expiresAt = b.expiresAt == null ? null : b.expiresAt.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "BankTransferPaymentParams[" + amount + " " + currency + "]";
    }

    public static final class Builder extends PaymentParamsBuilder<Builder> {
        private Instant expiresAt;

        private Builder() {
        }

        /** 1 hour to 30 days ahead; default 7 days. */
        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        public BankTransferPaymentParams build() {
            return new BankTransferPaymentParams(this);
        }
    }
}
