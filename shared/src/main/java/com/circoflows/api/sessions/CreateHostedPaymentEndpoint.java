package com.circoflows.api.sessions;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.session.HostedPaymentService;
import com.circoflows.domain.session.PaymentSession;

/** POST /api/hosted-payment: 200 with the session and its payment_url (as direct payments answer 200). */
public final class CreateHostedPaymentEndpoint implements MerchantEndpoint {
    private final HostedPaymentRequestParser parser;
    private final HostedPaymentService sessions;
    private final PublicUrls urls;

    public CreateHostedPaymentEndpoint(HostedPaymentRequestParser parser, HostedPaymentService sessions,
            PublicUrls urls) {
        this.parser = parser;
        this.sessions = sessions;
        this.urls = urls;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        PaymentSession session = sessions.create(caller, parser.parse(request.body()));
        return Envelope.ok(200, "Payment session created successfully",
                SessionViews.created(session, urls.paymentPage(request, session.sessionId())));
    }
}
