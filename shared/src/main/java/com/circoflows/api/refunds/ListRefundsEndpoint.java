package com.circoflows.api.refunds;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.TransactionIds;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.refund.RefundQueries;
import com.circoflows.domain.refund.RefundView;
import java.util.Map;

/**
 * GET /api/direct-payment/{transaction_id}/refunds: the payment's refunds, oldest first, all of them (a
 * payment has few: each refunds at least one minor unit of what was captured).
 */
public final class ListRefundsEndpoint implements MerchantEndpoint {
    private final RefundQueries refunds;

    public ListRefundsEndpoint(RefundQueries refunds) {
        this.refunds = refunds;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String transactionId = TransactionIds.fromPath(request.pathParameter("transaction_id"));
        var listed = refunds.list(caller, transactionId).stream().map(RefundView::of).toList();
        return Envelope.ok(200, null, Map.of("refunds", listed));
    }
}
