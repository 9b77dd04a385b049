package com.circoflows.api;

import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;

/** One /api route's own logic, called once the caller is authenticated and within its limit. */
public interface MerchantEndpoint {
    RateLimitClass rateLimitClass();

    ApiResponse handle(ApiRequest request, AuthenticatedKey caller);
}
