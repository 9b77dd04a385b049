package com.circoflows.api.payments;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonObject;
import com.circoflows.domain.banktransfer.BankTransferRequest;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.DirectPaymentRequest;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletPaymentRequest;
import java.time.Clock;
import java.util.Set;

/** POST /api/direct-payment body -> a validated request, or a 400 naming the first bad field. */
public final class DirectPaymentRequestParser {
    private static final Set<String> FIELDS = Set.of("amount", "currency", "payment_method", "card_number",
            "expiry_month", "expiry_year", "cvv", "customer_info", "metadata", "webhook_url", "return_url",
            "capture_method");
    /**
     * The members that may carry a card number: the card's, and the wallet's token, whose hex and base64
     * text can hold a digit run that passes as one (it is never logged or stored either way).
     */
    private static final Set<String> CARD_FIELDS = Set.of("card_number", WalletPaymentRequestParser.TOKEN);

    private final MerchantUrlPolicy urlPolicy;
    private final Clock clock;
    private final BankTransferRequestParser bankTransfers;
    private final WalletPaymentRequestParser wallets;

    public DirectPaymentRequestParser(MerchantUrlPolicy urlPolicy, Clock clock) {
        this.urlPolicy = urlPolicy;
        this.clock = clock;
        this.bankTransfers = new BankTransferRequestParser(urlPolicy, clock);
        this.wallets = new WalletPaymentRequestParser(urlPolicy);
    }

    /** A card payment's request; a bank transfer's body is refused here (see {@link #parseAny}). */
    public DirectPaymentRequest parse(String rawBody) {
        Parsed parsed = parseAny(rawBody);
        if (parsed.card() == null) {
            throw ApiException.invalidParam("payment_method", "Only card payments are taken here.");
        }
        return parsed.card();
    }

    /** One of the three is set: the card payment's request, the bank transfer's or the wallet payment's. */
    public record Parsed(DirectPaymentRequest card, BankTransferRequest bankTransfer, WalletPaymentRequest wallet) {
    }

    public Parsed parseAny(String rawBody) {
        JsonObject body = RequestBodies.parseObject(rawBody, CARD_FIELDS);
        String method = body.get("payment_method") == null ? null
                : RequestFields.requiredString(body, "payment_method", 40);
        if ("bank_transfer".equals(method)) {
            return new Parsed(null, bankTransfers.parse(body), null);
        }
        Wallet wallet = Wallet.fromWireName(method).orElse(null);
        if (wallet != null) {
            return new Parsed(null, null, wallets.parse(body, wallet));
        }
        RequestFields.rejectUnknown(body, FIELDS, null);
        long amount = RequestFields.requiredInteger(body, "amount");
        String currency = RequestFields.requiredString(body, "currency", 10);
        Money money = Money.of(amount, currency);
        method = RequestFields.requiredString(body, "payment_method", 40);
        if (!method.equals("card")) {
            throw ApiException.invalidParam("payment_method",
                    "Unsupported payment_method; use card, bank_transfer, apple_pay or google_pay.");
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
        return new Parsed(new DirectPaymentRequest(
                money,
                captureMethod,
                card,
                customerInfo,
                metadata,
                webhookUrl == null ? null : urlPolicy.checkWebhookUrlResolved(webhookUrl, "webhook_url"),
                returnUrl == null ? null : urlPolicy.checkReturnUrl(returnUrl, "return_url")), null, null);
    }
}
