package com.circoflows.api.keys;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PageRequest;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.ApiKeyPage;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;

/** GET /api/keys?limit=20&cursor=…: the caller's merchant's keys of its mode, revoked ones too, newest first. */
public final class ListApiKeysEndpoint implements MerchantEndpoint {
    private final ApiKeyManagement keys;

    public ListApiKeysEndpoint(ApiKeyManagement keys) {
        this.keys = keys;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.AUTHENTICATION;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        PageRequest page = PageRequest.from(request);
        ApiKeyPage found = keys.list(caller, page.limit(), page.cursor());
        return Envelope.ok(200, null, PageRequest.page("keys",
                found.keys().stream().map(ApiKeyViews::listing).toList(), found.nextCursor()));
    }
}
