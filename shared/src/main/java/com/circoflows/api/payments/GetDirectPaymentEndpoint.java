package com.circoflows.api.payments;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.domain.ratelimit.RateLimitClass;

/** GET /api/direct-payment/{transaction_id}. */
public final class GetDirectPaymentEndpoint implements MerchantEndpoint {
    private final TransactionQueries transactions;

    public GetDirectPaymentEndpoint(TransactionQueries transactions) {
        this.transactions = transactions;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String transactionId = TransactionIds.fromPath(request.pathParameter("transaction_id"));
        return Envelope.ok(200, null, TransactionView.of(transactions.findOwned(caller, transactionId)));
    }
}
