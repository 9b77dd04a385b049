package com.circoflows.domain.session;

import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A validated request to create a hosted payment session (POST /api/hosted-payment).
 *
 * @param expiresAt when the session stops accepting payment, or null for the default (24 h)
 * @param locale    the language its page speaks (AUTO: the customer's browser's)
 */
public record NewPaymentSession(
        Money amount,
        String description,
        Map<String, Object> customerInfo,
        Map<String, Object> metadata,
        String webhookUrl,
        String returnUrl,
        Instant expiresAt,
        CaptureMethod captureMethod,
        PageLocale locale) {

    /** Captured at once, as most sessions are. */
    public NewPaymentSession(Money amount, String description, Map<String, Object> customerInfo,
            Map<String, Object> metadata, String webhookUrl, String returnUrl, Instant expiresAt) {
        this(amount, description, customerInfo, metadata, webhookUrl, returnUrl, expiresAt, CaptureMethod.AUTOMATIC);
    }

    /** Speaking the customer's browser's language. */
    public NewPaymentSession(Money amount, String description, Map<String, Object> customerInfo,
            Map<String, Object> metadata, String webhookUrl, String returnUrl, Instant expiresAt,
            CaptureMethod captureMethod) {
        this(amount, description, customerInfo, metadata, webhookUrl, returnUrl, expiresAt, captureMethod,
                PageLocale.AUTO);
    }

    public NewPaymentSession {
        captureMethod = captureMethod == null ? CaptureMethod.AUTOMATIC : captureMethod;
        locale = locale == null ? PageLocale.AUTO : locale;
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        customerInfo = customerInfo == null ? Map.of() : customerInfo;
        metadata = metadata == null ? Map.of() : metadata;
    }
}
