package com.circoflows.api;

import com.circoflows.domain.idempotency.IdempotencyKeys;
import java.util.Map;

/**
 * An HTTP request as our endpoints see it, independent of API Gateway. Header names are lower
 * case, as HTTP APIs deliver them.
 *
 * @param reservedId what the request's Idempotency-Key record reserved for the id of the object it
 *     creates (see {@link #newObjectId}); null without a key
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> headers,
        Map<String, String> queryParameters,
        String body,
        String sourceIp,
        String requestId,
        String domainName,
        String reservedId) {

    public ApiRequest {
        pathParameters = pathParameters == null ? Map.of() : pathParameters;
        headers = headers == null ? Map.of() : headers;
        queryParameters = queryParameters == null ? Map.of() : queryParameters;
    }

    /** A request as it arrives, before any Idempotency-Key record reserved an id for it. */
    public ApiRequest(String method, String path, Map<String, String> pathParameters, Map<String, String> headers,
            Map<String, String> queryParameters, String body, String sourceIp, String requestId, String domainName) {
        this(method, path, pathParameters, headers, queryParameters, body, sourceIp, requestId, domainName, null);
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    ApiRequest withReservedId(String id) {
        return new ApiRequest(method, path, pathParameters, headers, queryParameters, body, sourceIp, requestId,
                domainName, id);
    }

    /**
     * The id of the object this request creates, e.g. {@code newObjectId("txn_")}. Under an
     * Idempotency-Key it is the id the key's record reserved, the same on a retry after a crash, so
     * the retry meets the object (or the gateway authorisation) the crashed attempt left behind
     * instead of creating a second one. Without a key, a fresh random id.
     */
    public String newObjectId(String prefix) {
        return prefix + (reservedId != null ? reservedId : IdempotencyKeys.newReservedId());
    }
}
