package com.circoflows.client;

import com.circoflows.client.model.ApiKey;
import com.circoflows.client.model.ApiKeyCreateParams;
import com.circoflows.client.model.ListParams;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/keys}: the merchant's API keys of the calling key's mode. */
public final class ApiKeyService {
    private static final String PATH = "/api/keys";

    private final ApiRequestor requestor;

    ApiKeyService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /**
     * A new key; {@link ApiKey#getApiKey()} holds it in this answer only. Pass your own idempotency key: a
     * replay answers the key's listing without the key itself, and no second key is made.
     */
    @ApiOperation("createApiKey")
    public ApiKey create(ApiKeyCreateParams params) {
        return create(params, RequestOptions.none());
    }

    @ApiOperation("createApiKey")
    public ApiKey create(ApiKeyCreateParams params, RequestOptions options) {
        return requestor.post(PATH, params, options, ApiKey.class);
    }

    /** One page. */
    @ApiOperation("listApiKeys")
    public Page<ApiKey> list(ListParams params) {
        return list(params, null);
    }

    @ApiOperation("listApiKeys")
    public Iterable<ApiKey> listAll(ListParams params) {
        return new AutoPagingIterable<>(cursor -> list(params, cursor));
    }

    /**
     * Revokes a key (DELETE; repeating it answers the same revocation). The mode's last active key is
     * refused (409 {@code last_active_key}, an {@link InvalidRequestException}) unless
     * {@code confirmLastKey}.
     */
    @ApiOperation("revokeApiKey")
    public ApiKey revoke(String keyId) {
        return revoke(keyId, false);
    }

    @ApiOperation("revokeApiKey")
    public ApiKey revoke(String keyId, boolean confirmLastKey) {
        Map<String, String> query = new LinkedHashMap<>();
        if (confirmLastKey) {
            query.put("confirm_last_key", "true");
        }
        return requestor.delete(PATH + "/" + UrlParts.segment(keyId) + UrlParts.query(query), ApiKey.class);
    }

    private Page<ApiKey> list(ListParams params, String cursor) {
        return PageReader.fetch(requestor, PATH, params.toQuery(), cursor, "keys", ApiKey.class);
    }
}
