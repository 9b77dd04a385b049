package com.circoflows.api.payments;

import com.circoflows.domain.banktransfer.BankTransferRequest;
import com.circoflows.domain.banktransfer.TransferExpiry;
import com.circoflows.domain.banktransfer.TransferScheme;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/direct-payment with payment_method bank_transfer -> a validated request, or a 400 naming the
 * first bad field. Card fields are refused by name: a bank transfer takes none.
 */
final class BankTransferRequestParser {
    private static final Set<String> FIELDS = Set.of("amount", "currency", "payment_method", "customer_info",
            "metadata", "webhook_url", "expires_at");
    /** In the order they are checked, so the same body is always refused naming the same field. */
    private static final List<String> CARD_ONLY = List.of("card_number", "expiry_month", "expiry_year", "cvv",
            "capture_method", "return_url");

    private final MerchantUrlPolicy urlPolicy;
    private final Clock clock;

    BankTransferRequestParser(MerchantUrlPolicy urlPolicy, Clock clock) {
        this.urlPolicy = urlPolicy;
        this.clock = clock;
    }

    BankTransferRequest parse(JsonObject body) {
        for (String cardField : CARD_ONLY) {
            if (body.get(cardField) != null) {
                throw ApiException.invalidParam(cardField, cardField + " is not used with payment_method bank_transfer.");
            }
        }
        RequestFields.rejectUnknown(body, FIELDS, null);
        long amount = RequestFields.requiredInteger(body, "amount");
        String currency = RequestFields.requiredString(body, "currency", 10);
        Money money = Money.of(amount, currency);
        TransferScheme.requireForCurrency(money.currency());
        Map<String, Object> customerInfo = RequestFields.customerInfo(body, "customer_info");
        if (!(customerInfo.get("name") instanceof String name) || name.isBlank()) {
            throw ApiException.invalidParam("customer_info[name]",
                    "A bank transfer needs the payer's name in customer_info.name.");
        }
        var metadata = RequestFields.metadata(body, "metadata");
        String webhookUrl = RequestFields.optionalString(body, "webhook_url", 2048);
        return new BankTransferRequest(money, customerInfo, metadata,
                webhookUrl == null ? null : urlPolicy.checkWebhookUrlResolved(webhookUrl, "webhook_url"),
                expiry(RequestFields.optionalString(body, "expires_at", 40)));
    }

    private TransferExpiry expiry(String expiresAt) {
        if (expiresAt == null) {
            return TransferExpiry.standard();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(expiresAt).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParam("expires_at",
                    "expires_at must be an RFC 3339 time such as 2026-12-31T23:59:59Z.");
        }
        return TransferExpiry.overriddenTo(Duration.between(clock.instant(), at), "expires_at");
    }
}
