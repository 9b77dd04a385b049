package com.circoflows.api.payments;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonObject;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.DirectPaymentRequest;
import com.circoflows.domain.url.MerchantUrlPolicy;
import java.time.Clock;
import java.util.Set;

/** POST /api/direct-payment body -> a validated request, or a 400 naming the first bad field. */
public final class DirectPaymentRequestParser {
    private static final Set<String> FIELDS = Set.of("amount", "currency", "payment_method", "card_number",
            "expiry_month", "expiry_year", "cvv", "customer_info", "metadata", "webhook_url", "return_url",
            "capture_method");
    /** The only member that may carry a card number. */
    private static final Set<String> CARD_FIELDS = Set.of("card_number");

    private final MerchantUrlPolicy urlPolicy;
    private final Clock clock;

    public DirectPaymentRequestParser(MerchantUrlPolicy urlPolicy, Clock clock) {
        this.urlPolicy = urlPolicy;
        this.clock = clock;
    }

    public DirectPaymentRequest parse(String rawBody) {
        JsonObject body = RequestBodies.parseObject(rawBody, CARD_FIELDS);
        RequestFields.rejectUnknown(body, FIELDS, null);
        long amount = RequestFields.requiredInteger(body, "amount");
        String currency = RequestFields.requiredString(body, "currency", 10);
        Money money = Money.of(amount, currency);
        String method = RequestFields.requiredString(body, "payment_method", 40);
        if (!method.equals("card")) {
            throw ApiException.invalidParam("payment_method", method.equals("bank_transfer")
                    ? "bank_transfer is not available for direct payments yet; use card."
                    : "Unsupported payment_method; use card.");
        }
        String cardNumber = RequestFields.requiredString(body, "card_number", 40);
        String expiryMonth = RequestFields.requiredStringOrInteger(body, "expiry_month", 10);
        String expiryYear = RequestFields.requiredStringOrInteger(body, "expiry_year", 10);
        String cvv = RequestFields.requiredString(body, "cvv", 10);
        CardDetails card = CardDetails.validate(cardNumber, expiryMonth, expiryYear, cvv, clock);
        var customerInfo = RequestFields.customerInfo(body, "customer_info");
        var metadata = RequestFields.metadata(body, "metadata");
        String webhookUrl = RequestFields.optionalString(body, "webhook_url", 2048);
        String returnUrl = RequestFields.optionalString(body, "return_url", 2048);
        CaptureMethod captureMethod = RequestFields.captureMethod(body, "capture_method");
        return new DirectPaymentRequest(
                money,
                captureMethod,
                card,
                customerInfo,
                metadata,
                webhookUrl == null ? null : urlPolicy.checkWebhookUrlResolved(webhookUrl, "webhook_url"),
                returnUrl == null ? null : urlPolicy.checkReturnUrl(returnUrl, "return_url"));
    }
}
