package com.circoflows.api.refunds;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.api.payments.TransactionIds;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.refund.Refund;
import com.circoflows.domain.refund.RefundOutcome;
import com.circoflows.domain.refund.RefundReason;
import com.circoflows.domain.refund.RefundRequest;
import com.circoflows.domain.refund.RefundService;
import com.circoflows.domain.refund.RefundView;
import com.circoflows.domain.error.ApiException;
import com.circoflows.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/direct-payment/{transaction_id}/refunds with {"amount"?, "reason"?, "metadata"?}: 200 with
 * the refund (succeeded, pending or failed). The refund id comes from the Idempotency-Key, so a retry
 * after a crash finishes the same refund.
 */
public final class CreateRefundEndpoint implements MerchantEndpoint {
    private static final Set<String> FIELDS = Set.of("amount", "reason", "metadata");

    private final RefundService refunds;

    public CreateRefundEndpoint(RefundService refunds) {
        this.refunds = refunds;
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
        String reasonName = RequestFields.optionalString(body, "reason", 40);
        RefundReason reason = reasonName == null ? null : RefundReason.fromWireName(reasonName)
                .orElseThrow(() -> ApiException.invalidParam("reason",
                        "The reason must be duplicate, fraudulent or requested_by_customer."));
        Map<String, Object> metadata = RequestFields.metadata(body, "metadata");
        RefundOutcome outcome = refunds.refund(caller, transactionId, request.newObjectId(Refund.ID_PREFIX),
                new RefundRequest(amount, reason, metadata));
        Map<String, Object> data = RefundView.of(outcome.refund());
        data.put("webhook_queued", outcome.webhookQueued());
        return Envelope.ok(200, message(outcome.refund()), data);
    }

    private static String message(Refund refund) {
        return switch (refund.status()) {
            case SUCCEEDED -> "Refund succeeded";
            case PENDING -> "Refund pending; refund.succeeded or refund.failed follows";
            case FAILED -> "Refund failed; the amount can be refunded again";
        };
    }
}
