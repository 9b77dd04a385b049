package com.circoflows.api.sessions;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonValue;
import com.circoflows.json.JsonObject;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.session.NewPaymentSession;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.url.MerchantUrlPolicy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * POST /api/hosted-payment body -> a validated session request, or a 400 naming the first bad field.
 * Cheap checks first; the webhook URL, whose host is resolved, last.
 */
public final class HostedPaymentRequestParser {
    static final int MAX_DESCRIPTION_LENGTH = 500;
    private static final Set<String> FIELDS = Set.of("amount", "currency", "description", "customer_info", "metadata",
            "webhook_url", "return_url", "expires_at", "capture_method", "locale");

    private final MerchantUrlPolicy urlPolicy;

    public HostedPaymentRequestParser(MerchantUrlPolicy urlPolicy) {
        this.urlPolicy = urlPolicy;
    }

    public NewPaymentSession parse(String rawBody) {
        JsonObject body = RequestBodies.parseObject(rawBody);
        RequestFields.rejectUnknown(body, FIELDS, null);
        long amount = RequestFields.requiredInteger(body, "amount");
        String currency = RequestFields.requiredString(body, "currency", 10);
        Money money = Money.of(amount, currency);
        String description = RequestFields.requiredString(body, "description", MAX_DESCRIPTION_LENGTH);
        var customerInfo = RequestFields.customerInfo(body, "customer_info");
        var metadata = RequestFields.metadata(body, "metadata");
        Instant expiresAt = expiresAt(body);
        String returnUrl = RequestFields.optionalString(body, "return_url", 2048);
        String webhookUrl = RequestFields.optionalString(body, "webhook_url", 2048);
        return new NewPaymentSession(
                money,
                description,
                customerInfo,
                metadata,
                webhookUrl == null ? null : urlPolicy.checkWebhookUrlResolved(webhookUrl, "webhook_url"),
                returnUrl == null ? null : urlPolicy.checkReturnUrl(returnUrl, "return_url"),
                expiresAt,
                RequestFields.captureMethod(body, "capture_method"),
                locale(body));
    }

    /** The language of the session's page: en, de, fr, es or ja, or auto (the default: the browser's). */
    private static PageLocale locale(JsonObject body) {
        JsonValue node = body.get("locale");
        if (node == null || node.isNull()) {
            return PageLocale.AUTO;
        }
        return PageLocale.fromWireName(node.isTextual() ? node.textValue() : null).orElseThrow(() ->
                ApiException.invalidParam("locale", "The locale must be one of auto, en, de, fr, es or ja."));
    }

    /** ISO 8601 with an offset (2025-08-23T23:59:59Z, or +02:00), kept to the second; null when absent. */
    private static Instant expiresAt(JsonObject body) {
        JsonValue node = body.get("expires_at");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.textValue().length() > 40) {
            throw ApiException.invalidParam("expires_at",
                    "The expires_at must be an ISO 8601 timestamp such as 2025-08-23T23:59:59Z.");
        }
        try {
            return OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParam("expires_at",
                    "The expires_at must be an ISO 8601 timestamp with a time zone, such as 2025-08-23T23:59:59Z.");
        }
    }
}
