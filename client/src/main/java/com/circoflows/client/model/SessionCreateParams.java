package com.circoflows.client.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        metadata = b.metadata.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
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

    public static final class Builder {
        private Long amount;
        private String currency;
        private String description;
        private CustomerInfo customerInfo;
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private String webhookUrl;
        private String returnUrl;
        private String expiresAt;
        private String captureMethod;
        private String locale;

        private Builder() {
        }

        /** In the currency's minor unit. */
        public Builder amount(long value) {
            amount = value;
            return this;
        }

        public Builder currency(String value) {
            currency = value;
            return this;
        }

        /** Shown to the customer on the payment page. */
        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder customerInfo(CustomerInfo value) {
            customerInfo = value;
            return this;
        }

        public Builder metadata(String key, Object value) {
            metadata.put(key, value);
            return this;
        }

        /** This session's payment events go here as well as to the merchant's endpoint. */
        public Builder webhookUrl(String value) {
            webhookUrl = value;
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
