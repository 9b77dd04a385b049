package com.circoflows.api.sessions;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.session.HostedPaymentService;

/** GET /api/hosted-payment/{session_id}. */
public final class GetHostedPaymentEndpoint implements MerchantEndpoint {
    private final HostedPaymentService sessions;

    public GetHostedPaymentEndpoint(HostedPaymentService sessions) {
        this.sessions = sessions;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        return Envelope.ok(200, null,
                SessionViews.status(sessions.get(caller, request.pathParameter("session_id"))));
    }
}
