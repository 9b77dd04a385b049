package com.circoflows.client.model;

import java.time.Instant;
import java.util.Map;

/**
 * A hosted payment session: the customer pays on the API's own page ({@link Session#getPaymentUrl()}),
 * so no card number passes through the merchant. {@code amount}, {@code currency} and
 * {@code description} are required.
 */
public final class SessionCreateParams {
    private final Long amount;
    private final String currency;
    private final String description;
    private final CustomerInfo customerInfo;
    private final Map<String, Object> metadata;
    private final String webhookUrl;
    private final String returnUrl;
    private final String expiresAt;
    private final String captureMethod;
    private final String locale;

    private SessionCreateParams(Builder b) {
        amount = b.amount;
        currency = b.currency;
        description = b.description;
        customerInfo = b.customerInfo;
        metadata = b.metadataOrNull();
        webhookUrl = b.webhookUrl;
        returnUrl = b.returnUrl;
        expiresAt = b.expiresAt;
        captureMethod = b.captureMethod;
        locale = b.locale;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getDescription() {
        return description;
    }

    public static final class Builder extends PaymentParamsBuilder<Builder> {
        private String description;
        private String returnUrl;
        private String expiresAt;
        private String captureMethod;
        private String locale;

        private Builder() {
        }

        /** Shown to the customer on the payment page. */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /** Where the customer is sent back after paying. */
        public Builder returnUrl(String value) {
            returnUrl = value;
            return this;
        }

        /** In the future and at most 7 days ahead; default 24 h. */
        public Builder expiresAt(Instant value) {
            expiresAt = value == null ? null : value.toString();
            return this;
        }

        /** Authorise only: the page's payment is then captured or cancelled with the payment routes. */
        public Builder manualCapture() {
            captureMethod = "manual";
            return this;
        }

        /** auto (the default: the customer's browser decides), en, de, fr, es or ja. */
        public Builder locale(String value) {
            locale = value;
            return this;
        }

        public SessionCreateParams build() {
            return new SessionCreateParams(this);
        }
    }
}
