package com.circoflows.api.payments;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonObject;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.ClaimedChallengeStatus;
import com.circoflows.domain.payment.ThreeDSecureService;
import com.circoflows.domain.payment.ThreeDSecureService.ConfirmationOutcome;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.ratelimit.RateLimitClass;
import java.util.Set;

/**
 * POST /api/direct-payment/{transaction_id}/confirm-3ds with {"status", "gateway_id"}. The reference lists
 * transaction_id among the parameters too, so a body may repeat it; it must then be the path's.
 */
public final class ConfirmThreeDSecureEndpoint implements MerchantEndpoint {
    private static final Set<String> FIELDS = Set.of("transaction_id", "status", "gateway_id");

    private final ThreeDSecureService threeDSecure;
    private final PublicUrls urls;

    public ConfirmThreeDSecureEndpoint(ThreeDSecureService threeDSecure, PublicUrls urls) {
        this.threeDSecure = threeDSecure;
        this.urls = urls;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String transactionId = TransactionIds.fromPath(request.pathParameter("transaction_id"));
        JsonObject body = RequestBodies.parseObject(request.body());
        RequestFields.rejectUnknown(body, FIELDS, null);
        String repeatedId = RequestFields.optionalString(body, "transaction_id", 100);
        if (repeatedId != null && !repeatedId.equals(transactionId)) {
            throw ApiException.invalidParam("transaction_id",
                    "The transaction_id in the body must be the one in the URL, or be left out.");
        }
        ClaimedChallengeStatus claimed =
                ClaimedChallengeStatus.parse(RequestFields.requiredString(body, "status", 20));
        String gatewayId = RequestFields.requiredString(body, "gateway_id", 100);

        ConfirmationOutcome result = threeDSecure.confirm(caller, transactionId, claimed, gatewayId);
        Transaction transaction = result.outcome().transaction();
        if (result.requiresAction()) {
            return PaymentResponses.requiresThreeDSecure(result.outcome(),
                    urls.threeDSecurePage(request, transactionId));
        }
        if (transaction.status() == TransactionStatus.FAILED && claimed != ClaimedChallengeStatus.FAILED) {
            return PaymentResponses.failed(transaction);
        }
        return PaymentResponses.confirmed(result.outcome());
    }
}
