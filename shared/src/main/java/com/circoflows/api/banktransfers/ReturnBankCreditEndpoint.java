package com.circoflows.api.banktransfers;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.banktransfer.HeldCredits;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;

/** POST /api/bank-credits/{credit_id}/return: sends a held credit back to the payer; 200 with it, now returned. */
public final class ReturnBankCreditEndpoint implements MerchantEndpoint {
    private final HeldCredits credits;

    public ReturnBankCreditEndpoint(HeldCredits credits) {
        this.credits = credits;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String creditId = BankCreditIdsInPath.of(request.pathParameter("credit_id"));
        RequestFields.rejectAnyBody(request.body());
        return Envelope.ok(200, "Bank credit returned to the payer", credits.returnToPayer(caller, creditId).view());
    }
}
