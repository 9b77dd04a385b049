package com.circoflows.api.payments;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.ratelimit.RateLimitClass;

/**
 * GET /api/direct-payment/{transaction_id}. While the customer's 3-D Secure challenge is open, the
 * transaction carries the reference's requires_action and action_data.3ds_url, as the payment's own
 * 202 did, so a merchant that lost that answer can still send the customer to the challenge.
 */
public final class GetDirectPaymentEndpoint implements MerchantEndpoint {
    private final TransactionQueries transactions;
    private final PublicUrls urls;

    public GetDirectPaymentEndpoint(TransactionQueries transactions, PublicUrls urls) {
        this.transactions = transactions;
        this.urls = urls;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String transactionId = TransactionIds.fromPath(request.pathParameter("transaction_id"));
        Transaction transaction = transactions.findOwned(caller, transactionId);
        return Envelope.ok(200, null, PaymentResponses.transactionView(transaction, request, urls));
    }
}
