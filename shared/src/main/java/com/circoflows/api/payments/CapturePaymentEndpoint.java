package com.circoflows.api.payments;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.AuthorizationService;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/direct-payment/{transaction_id}/capture with {"amount"?}: takes an authorized payment's
 * money, all of it or part (once; the rest is released). 200 with the payment, now completed.
 */
public final class CapturePaymentEndpoint implements MerchantEndpoint {
    private static final Set<String> FIELDS = Set.of("amount");

    private final AuthorizationService authorizations;

    public CapturePaymentEndpoint(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String transactionId = TransactionIds.fromPath(request.pathParameter("transaction_id"));
        JsonObject body = RequestFields.optionalObject(request.body());
        RequestFields.rejectUnknown(body, FIELDS, null);
        Long amount = RequestFields.optionalPositiveAmount(body, "amount");
        PaymentOutcome outcome = authorizations.capture(caller, transactionId, amount);
        return Envelope.ok(200, "Payment captured", withQueued(outcome));
    }

    static Map<String, Object> withQueued(PaymentOutcome outcome) {
        Map<String, Object> data = TransactionView.of(outcome.transaction());
        data.put("webhook_queued", outcome.webhookQueued());
        return data;
    }
}
