package com.circoflows.api.keys;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.ApiKeyFormat;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;

/**
 * DELETE /api/keys/{key_id}[?confirm_last_key=true]: revokes one of the caller's keys. Repeating it
 * answers the same; an id that can't be a key id is as unknown as one that was never issued.
 */
public final class RevokeApiKeyEndpoint implements MerchantEndpoint {
    static final String CONFIRM_LAST_KEY = "confirm_last_key";

    private final ApiKeyManagement keys;

    public RevokeApiKeyEndpoint(ApiKeyManagement keys) {
        this.keys = keys;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.AUTHENTICATION;
    }

    @Override
    public boolean managesCredentials() {
        return true;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        boolean confirmLastKey = confirmLastKey(request.queryParameters().get(CONFIRM_LAST_KEY));
        String lookupId = ApiKeyFormat.lookupIdOf(request.pathParameter("key_id"))
                .orElseThrow(() -> new ApiException(ErrorCode.API_KEY_NOT_FOUND));
        return Envelope.ok(200, "API key revoked",
                ApiKeyViews.listing(keys.revoke(caller, lookupId, confirmLastKey)));
    }

    private static boolean confirmLastKey(String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw ApiException.invalidParam(CONFIRM_LAST_KEY, "The " + CONFIRM_LAST_KEY + " must be true or false.");
    }
}
