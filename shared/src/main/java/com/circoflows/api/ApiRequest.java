package com.circoflows.api;

import java.util.Map;

/**
 * An HTTP request as our endpoints see it, independent of API Gateway. Header names are lower
 * case, as HTTP APIs deliver them.
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
        String domainName) {

    public ApiRequest {
        pathParameters = pathParameters == null ? Map.of() : pathParameters;
        headers = headers == null ? Map.of() : headers;
        queryParameters = queryParameters == null ? Map.of() : queryParameters;
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }
}
