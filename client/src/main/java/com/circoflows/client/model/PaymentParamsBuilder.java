package com.circoflows.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every way to take a payment sets alike: the amount, its currency, the customer, metadata and a
 * webhook URL of the payment's own. Each builder adds what its method needs.
 *
 * @param <B> the builder itself, so a chain of calls keeps its type
 */
public abstract class PaymentParamsBuilder<B extends PaymentParamsBuilder<B>> {
    /** Null until set: a session sent without one is refused by the API, which names the field. */
    Long amount;
    String currency;
    CustomerInfo customerInfo;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    String webhookUrl;

    PaymentParamsBuilder() {
    }

    /** In the currency's minor unit: 1000 is USD 10.00. */
    public B amount(long value) {
        amount = value;
        return self();
    }

    /** ISO 4217, e.g. USD. */
    public B currency(String value) {
        currency = value;
        return self();
    }

    public B customerInfo(CustomerInfo value) {
        customerInfo = value;
        return self();
    }

    /** A string (at most 500 characters), integer or boolean; up to 50 keys. */
    public B metadata(String key, Object value) {
        metadata.put(key, value);
        return self();
    }

    /** This payment's events go here as well as to the merchant's endpoint. */
    public B webhookUrl(String value) {
        webhookUrl = value;
        return self();
    }

    /** The amount of a direct payment, which is sent even when never set (0, refused by the API). */
    long amountOrZero() {
        return amount == null ? 0 : amount;
    }

    /** Left out of the request when empty. */
    Map<String, Object> metadataOrNull() {
        return metadata.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
