package com.circoflows.api;

import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;

/** One /api route's own logic, called once the caller is authenticated and within its limit. */
public interface MerchantEndpoint {
    RateLimitClass rateLimitClass();

    ApiResponse handle(ApiRequest request, AuthenticatedKey caller);

    /**
     * True for a route that creates, revokes, sets or rotates a credential (API keys, webhook signing
     * secrets): its caller's key is then checked against the key table on every call, never taken
     * from a container's cache, so a key revoked anywhere can do none of that on its next call.
     */
    default boolean managesCredentials() {
        return false;
    }
}
