package com.circoflows.testing;

import com.circoflows.api.ApiRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds ApiRequests the way the Lambda adapter would (lower-case header names). */
public final class ApiRequests {
    private String method = "GET";
    private String path = "/";
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> queryParameters = new LinkedHashMap<>();
    private String body;
    private String sourceIp = "203.0.113.7";
    private String requestId = "req-test-1";
    private String domainName = "api.circoflows.test";

    private ApiRequests() {
    }

    public static ApiRequests get(String path) {
        return new ApiRequests().method("GET").path(path);
    }

    public static ApiRequests post(String path, String body) {
        return new ApiRequests().method("POST").path(path).body(body).header("content-type", "application/json");
    }

    public ApiRequests method(String value) {
        this.method = value;
        return this;
    }

    public ApiRequests path(String value) {
        this.path = value;
        return this;
    }

    public ApiRequests pathParam(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public ApiRequests header(String lowerCaseName, String value) {
        headers.put(lowerCaseName, value);
        return this;
    }

    public ApiRequests query(String name, String value) {
        queryParameters.put(name, value);
        return this;
    }

    public ApiRequests bearer(String apiKey) {
        return header("authorization", "Bearer " + apiKey);
    }

    public ApiRequests body(String value) {
        this.body = value;
        return this;
    }

    public ApiRequests sourceIp(String value) {
        this.sourceIp = value;
        return this;
    }

    public ApiRequests requestId(String value) {
        this.requestId = value;
        return this;
    }

    public ApiRequests domainName(String value) {
        this.domainName = value;
        return this;
    }

    public ApiRequest build() {
        return new ApiRequest(method, path, Map.copyOf(pathParameters), Map.copyOf(headers), Map.copyOf(queryParameters), body,
                sourceIp, requestId, domainName);
    }
}
