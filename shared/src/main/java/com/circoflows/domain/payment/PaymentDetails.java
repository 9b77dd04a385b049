package com.circoflows.domain.payment;

import java.util.Map;

/**
 * What the merchant told us about a payment, kept as given and never changed by its life cycle.
 *
 * @param webhookUrl where this payment's events go instead of the merchant's endpoint, or null
 * @param returnUrl  where a 3-D Secure challenge sends the customer back to, or null
 * @param sessionId  the hosted payment session this payment was made on, or null for a direct payment
 */
public record PaymentDetails(
        Map<String, Object> customerInfo,
        Map<String, Object> metadata,
        String webhookUrl,
        String returnUrl,
        String sessionId) {

    public PaymentDetails {
        customerInfo = customerInfo == null ? Map.of() : customerInfo;
        metadata = metadata == null ? Map.of() : metadata;
    }

    public static PaymentDetails none() {
        return new PaymentDetails(null, null, null, null, null);
    }
}
