package com.circoflows.api.banktransfers;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.api.payments.TransactionIds;
import com.circoflows.domain.banktransfer.HeldCreditAssignment;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.json.JsonObject;
import java.util.Set;

/**
 * POST /api/bank-credits/{credit_id}/assign {"transaction_id"}: applies a held credit to one of the caller's
 * bank transfers in its currency, as if it had matched; 200 with the credit, now applied.
 */
public final class AssignBankCreditEndpoint implements MerchantEndpoint {
    private static final Set<String> FIELDS = Set.of("transaction_id");

    private final HeldCreditAssignment credits;

    public AssignBankCreditEndpoint(HeldCreditAssignment credits) {
        this.credits = credits;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String creditId = BankCreditIdsInPath.of(request.pathParameter("credit_id"));
        JsonObject body = RequestFields.optionalObject(request.body());
        RequestFields.rejectUnknown(body, FIELDS, null);
        String transactionId = RequestFields.requiredString(body, "transaction_id", 40);
        if (!TransactionIds.isWellFormed(transactionId)) {
            throw ApiException.invalidParam("transaction_id",
                    "The transaction_id is not a transaction id (txn_ followed by 24 letters and digits).");
        }
        return Envelope.ok(200, "Bank credit applied to the payment",
                credits.assign(caller, creditId, transactionId).view());
    }
}
