package com.circoflows.api.pages;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.domain.session.SessionCheckout;
import java.time.Clock;

/** GET/POST /pay/{session_id}: the hosted payment page. (Being written in this session.) */
public final class PaymentPage {
    private final SessionCheckout checkout;
    private final PageTokens tokens;
    private final Clock clock;

    public PaymentPage(SessionCheckout checkout, PageTokens tokens, Clock clock) {
        this.checkout = checkout;
        this.tokens = tokens;
        this.clock = clock;
    }

    public ApiResponse handle(ApiRequest request) {
        throw new UnsupportedOperationException("payment page not written yet");
    }
}
