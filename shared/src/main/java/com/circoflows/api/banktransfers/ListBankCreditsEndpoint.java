package com.circoflows.api.banktransfers;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PageRequest;
import com.circoflows.domain.banktransfer.BankCreditLedger;
import com.circoflows.domain.banktransfer.HeldCredits;
import com.circoflows.domain.banktransfer.RecordedCredit;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;

/**
 * GET /api/bank-credits?status=held&limit=&cursor=: the caller's held bank credits, newest first: money that
 * arrived for the merchant but could not be applied (its payment had expired, or it would go past the largest
 * amount), to assign or return.
 */
public final class ListBankCreditsEndpoint implements MerchantEndpoint {
    private final HeldCredits credits;

    public ListBankCreditsEndpoint(HeldCredits credits) {
        this.credits = credits;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String status = request.queryParameters().get("status");
        if (status != null && !status.equals("held")) {
            throw ApiException.invalidParam("status", "Only held credits are listed: status=held or no status.");
        }
        PageRequest page = PageRequest.from(request);
        BankCreditLedger.Page found = credits.list(caller, page.limit(), page.cursor());
        return Envelope.ok(200, null, PageRequest.page("credits",
                found.credits().stream().map(RecordedCredit::view).toList(), found.nextCursor()));
    }
}
