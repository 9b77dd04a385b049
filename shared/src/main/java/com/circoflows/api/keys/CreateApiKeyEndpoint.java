package com.circoflows.api.keys;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonObject;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/keys: a new key of the caller's merchant and mode. The full key is in this answer only;
 * an Idempotency-Key retry is answered with the same key's listing, without it.
 */
public final class CreateApiKeyEndpoint implements MerchantEndpoint {
    static final int MAX_NAME_LENGTH = 100;
    static final String REPLAY_MESSAGE = "This API key was created by an earlier request with the same "
            + "Idempotency-Key; its secret is shown only once.";

    private final ApiKeyManagement keys;

    public CreateApiKeyEndpoint(ApiKeyManagement keys) {
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
        String name = null;
        if (request.body() != null && !request.body().isBlank()) {
            JsonObject body = RequestBodies.parseObject(request.body());
            RequestFields.rejectUnknown(body, Set.of("name"), null);
            name = RequestFields.optionalLabel(body, "name", MAX_NAME_LENGTH);
        }
        IssuedApiKey issued = keys.create(caller, name);
        Map<String, Object> listing = ApiKeyViews.listing(issued.stored());
        Map<String, Object> shownOnce = new LinkedHashMap<>(listing);
        shownOnce.put("api_key", issued.fullKey());
        return Envelope.ok(200, "API key created", shownOnce)
                .withReplay(Envelope.ok(200, REPLAY_MESSAGE, listing));
    }
}
