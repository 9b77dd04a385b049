package com.circoflows.api.sessions;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.session.HostedPaymentService;

/**
 * POST /api/hosted-payment/{session_id}/cancel: no body (or {}). Cancelling again answers the same
 * 200; completed 409, expired 410, being charged right now 409 session_payment_in_progress.
 */
public final class CancelHostedPaymentEndpoint implements MerchantEndpoint {
    private final HostedPaymentService sessions;

    public CancelHostedPaymentEndpoint(HostedPaymentService sessions) {
        this.sessions = sessions;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        RequestFields.rejectAnyBody(request.body());
        return Envelope.ok(200, "Payment session cancelled successfully",
                SessionViews.cancelled(sessions.cancel(caller, request.pathParameter("session_id"))));
    }
}
