package com.circoflows.api.banktransfers;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.banktransfer.HeldCredits;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;

/** GET /api/bank-credits/{credit_id}: one of the caller's credits, held, applied or returned; else 404. */
public final class GetBankCreditEndpoint implements MerchantEndpoint {
    private final HeldCredits credits;

    public GetBankCreditEndpoint(HeldCredits credits) {
        this.credits = credits;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        return Envelope.ok(200, null, credits.get(caller,
                BankCreditIdsInPath.of(request.pathParameter("credit_id"))).view());
    }
}
