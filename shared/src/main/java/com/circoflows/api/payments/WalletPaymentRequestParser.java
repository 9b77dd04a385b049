package com.circoflows.api.payments;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletPaymentRequest;
import com.circoflows.json.Json;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import java.util.Set;

/**
 * The wallet fields of POST /api/direct-payment: {@code payment_method} apple_pay or google_pay and
 * {@code payment_token}, the wallet's token as the wallet gave it (Apple Pay's paymentData as a JSON object,
 * Google Pay's token as the JSON string it comes as; either form is taken). No card field is allowed beside
 * it: the card is inside the token.
 */
final class WalletPaymentRequestParser {
    static final String TOKEN = "payment_token";
    /** Apple Pay's token with its certificates is about 4 KB; this leaves room and bounds the work. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("amount", "currency", "payment_method", TOKEN, "customer_info",
            "metadata", "webhook_url", "return_url", "capture_method");

    private final MerchantUrlPolicy urlPolicy;

    WalletPaymentRequestParser(MerchantUrlPolicy urlPolicy) {
        this.urlPolicy = urlPolicy;
    }

    WalletPaymentRequest parse(JsonObject body, Wallet wallet) {
        RequestFields.rejectUnknown(body, FIELDS, null);
        Money amount = Money.of(RequestFields.requiredInteger(body, "amount"),
                RequestFields.requiredString(body, "currency", 10));
        String token = token(body);
        var customerInfo = RequestFields.customerInfo(body, "customer_info");
        var metadata = RequestFields.metadata(body, "metadata");
        String webhookUrl = RequestFields.optionalString(body, "webhook_url", 2048);
        String returnUrl = RequestFields.optionalString(body, "return_url", 2048);
        CaptureMethod captureMethod = RequestFields.captureMethod(body, "capture_method");
        return new WalletPaymentRequest(amount, captureMethod, wallet, token, customerInfo, metadata,
                webhookUrl == null ? null : urlPolicy.checkWebhookUrlResolved(webhookUrl, "webhook_url"),
                returnUrl == null ? null : urlPolicy.checkReturnUrl(returnUrl, "return_url"));
    }

    private static String token(JsonObject body) {
        JsonValue node = RequestFields.required(body, TOKEN);
        String token;
        if (node.isObject()) {
            token = Json.write(node);
        } else if (node.isTextual()) {
            token = node.textValue();
        } else {
            throw ApiException.invalidParam(TOKEN, "The payment_token must be the wallet's token: a JSON object "
                    + "(Apple Pay's paymentData) or a string (Google Pay's token).");
        }
        if (token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            throw ApiException.invalidParam(TOKEN, "The payment_token must be 1 to " + MAX_TOKEN_CHARS
                    + " characters.");
        }
        return token;
    }
}
