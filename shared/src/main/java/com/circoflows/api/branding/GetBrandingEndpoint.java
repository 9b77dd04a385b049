package com.circoflows.api.branding;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;

/** GET /api/branding: the caller's merchant's branding, its defaults when it never set any. */
public final class GetBrandingEndpoint implements MerchantEndpoint {
    private final BrandingSettings settings;

    public GetBrandingEndpoint(BrandingSettings settings) {
        this.settings = settings;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        return Envelope.ok(200, null, BrandingViews.of(settings.stored(caller.merchantId())));
    }
}
