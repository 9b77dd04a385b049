package com.circoflows.api.payments;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.banktransfer.BankTransferPayments;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.DirectPaymentService;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.wallet.WalletPayments;

/**
 * POST /api/direct-payment: 200 completed or authorized, 202 3-D Secure required, 400 card error; a bank
 * transfer is 202 pending with the payer's instructions; a wallet token is answered as the card inside it
 * would be (its PAN_ONLY cards may need 3-D Secure; its device tokens never do).
 */
public final class CreateDirectPaymentEndpoint implements MerchantEndpoint {
    private final DirectPaymentRequestParser parser;
    private final DirectPaymentService payments;
    private final BankTransferPayments bankTransfers;
    private final WalletPayments wallets;
    private final PublicUrls urls;

    public CreateDirectPaymentEndpoint(DirectPaymentRequestParser parser, DirectPaymentService payments,
            BankTransferPayments bankTransfers, WalletPayments wallets, PublicUrls urls) {
        this.parser = parser;
        this.payments = payments;
        this.bankTransfers = bankTransfers;
        this.wallets = wallets;
        this.urls = urls;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        DirectPaymentRequestParser.Parsed parsed = parser.parseAny(request.body());
        String transactionId = request.newObjectId(PaymentEngine.TRANSACTION_ID_PREFIX);
        if (parsed.bankTransfer() != null) {
            return PaymentResponses.awaitingTransfer(bankTransfers.open(caller, transactionId, parsed.bankTransfer()));
        }
        PaymentOutcome outcome = parsed.wallet() != null ? wallets.pay(caller, transactionId, parsed.wallet())
                : payments.pay(caller, transactionId, parsed.card());
        return switch (outcome.transaction().status()) {
            case COMPLETED -> PaymentResponses.completed(outcome);
            case AUTHORIZED -> PaymentResponses.authorized(outcome);
            case PENDING -> PaymentResponses.requiresThreeDSecure(outcome,
                    urls.threeDSecurePage(request, outcome.transaction().transactionId()));
            case FAILED -> PaymentResponses.failed(outcome.transaction());
            case PARTIALLY_REFUNDED, REFUNDED, CANCELED -> throw new IllegalStateException(
                    "a new payment cannot be " + outcome.transaction().status().wireName());
        };
    }
}
