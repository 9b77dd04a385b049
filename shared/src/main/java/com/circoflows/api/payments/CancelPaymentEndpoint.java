package com.circoflows.api.payments;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.AuthorizationService;
import com.circoflows.domain.ratelimit.RateLimitClass;

/**
 * POST /api/direct-payment/{transaction_id}/cancel (no body, or {}): voids an authorized payment nothing
 * was captured of. 200 with the payment, now canceled.
 */
public final class CancelPaymentEndpoint implements MerchantEndpoint {
    private final AuthorizationService authorizations;

    public CancelPaymentEndpoint(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String transactionId = TransactionIds.fromPath(request.pathParameter("transaction_id"));
        RequestFields.rejectAnyBody(request.body());
        return Envelope.ok(200, "Payment canceled",
                CapturePaymentEndpoint.withQueued(authorizations.cancel(caller, transactionId)));
    }
}
