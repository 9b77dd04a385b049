package com.circoflows.client.model;

import java.util.Map;
import java.util.Objects;

/**
 * A card payment. Holds the card number and CVV only to send them: no getter returns them and
 * {@link #toString()} shows neither.
 */
public final class CardPaymentParams implements PaymentCreateParams {
    private final long amount;
    private final String currency;
    private final String paymentMethod = "card";
    private final String cardNumber;
    private final String expiryMonth;
    private final String expiryYear;
    private final String cvv;
    private final CustomerInfo customerInfo;
    private final Map<String, Object> metadata;
    private final String webhookUrl;
    private final String returnUrl;
    private final String captureMethod;

    private CardPaymentParams(Builder b) {
        amount = b.amountOrZero();
        currency = Objects.requireNonNull(b.currency, "currency");
        cardNumber = Objects.requireNonNull(b.cardNumber, "card number");
        expiryMonth = Objects.requireNonNull(b.expiryMonth, "expiry month");
        expiryYear = Objects.requireNonNull(b.expiryYear, "expiry year");
        cvv = Objects.requireNonNull(b.cvv, "cvv");
        customerInfo = b.customerInfo;
        metadata = b.metadataOrNull();
        webhookUrl = b.webhookUrl;
        returnUrl = b.returnUrl;
        captureMethod = b.captureMethod;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    @Override
    public String toString() {
        return "CardPaymentParams[" + amount + " " + currency + ", card hidden]";
    }

    public static final class Builder extends PaymentParamsBuilder<Builder> {
        private String cardNumber;
        private String expiryMonth;
        private String expiryYear;
        private String cvv;
        private String returnUrl;
        private String captureMethod;

        private Builder() {
        }

        public Builder cardNumber(String value) {
            cardNumber = value;
            return this;
        }

        public Builder expiry(int month, int year) {
            expiryMonth = Integer.toString(month);
            expiryYear = Integer.toString(year);
            return this;
        }

        public Builder cvv(String value) {
            cvv = value;
            return this;
        }

        /** Where the 3-D Secure page sends the customer afterwards. */
        public Builder returnUrl(String value) {
            returnUrl = value;
            return this;
        }

        /** Authorise only: capture or cancel it later. */
        public Builder manualCapture() {
            captureMethod = "manual";
            return this;
        }

        public CardPaymentParams build() {
            return new CardPaymentParams(this);
        }
    }
}
