package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** API Gateway HTTP API (payload 2.0) events <-> our transport-neutral request and response. */
public final class ApiGatewayEvents {
    private ApiGatewayEvents() {
    }

    public static ApiRequest toRequest(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        if (event.getCookies() != null && !event.getCookies().isEmpty()) {
            headers.put("cookie", String.join("; ", event.getCookies()));
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                body = null;
            }
        }
        var context = event.getRequestContext();
        var http = context == null ? null : context.getHttp();
        return new ApiRequest(
                http == null ? null : http.getMethod(),
                event.getRawPath(),
                event.getPathParameters(),
                headers,
                event.getQueryStringParameters(),
                body,
                http == null ? null : http.getSourceIp(),
                context == null ? null : context.getRequestId(),
                context == null ? null : context.getDomainName());
    }

    /** Header names keep their case ({@code X-RateLimit-Limit}) and are looked up in any case. */
    public static APIGatewayV2HTTPResponse toEvent(ApiResponse response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> cookies = new ArrayList<>();
        response.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("set-cookie")) {
                cookies.add(value);
            } else {
                headers.put(name, value);
            }
        });
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.statusCode())
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
