package com.circoflows.localrunner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the payload-2.0 event an HTTP API would send for a real HTTP request: lower-case headers
 * with repeated values joined by commas, cookies split out, a base64 body for non-text content.
 */
final class ApiGatewayEventBuilder {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ApiGatewayEventBuilder() {
    }

    static APIGatewayV2HTTPEvent build(Http11Server.Request request, String routeKey,
            Map<String, String> pathParameters, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
            } else {
                headers.merge(lower, header.getValue(), (a, b) -> a + "," + b);
            }
        }
        byte[] body = request.body();
        String rawQuery = request.rawQuery();
        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        Instant now = Instant.now();

        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method())
                .withPath(request.rawPath())
                .withProtocol(request.protocol())
                .withSourceIp(request.remote().getAddress().getHostAddress())
                .withUserAgent(headers.get("user-agent"))
                .build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(domainName)
                .withDomainPrefix(domainName)
                .withHttp(http)
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withStage("$default")
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();

        boolean text = isText(headers.get("content-type"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(request.rawPath())
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(rawQuery == null ? null : queryParameters(rawQuery))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withBody(body.length == 0 ? null
                        : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .build();
    }

    /** HTTP APIs pass JSON and text through as is and base64-encode everything else, forms included. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.startsWith("text/") || type.contains("+json");
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.merge(name, value, (a, b) -> a + "," + b);
            } catch (IllegalArgumentException malformed) {
                // API Gateway drops what it cannot decode; so do we.
            }
        }
        return parameters;
    }
}
