package com.circoflows.localrunner.fuzz;

import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.TemplateRoutes;
import com.circoflows.localstack.HttpRoute;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property every fuzz answer must have. Under /api: never a 5xx, never a redirect; a 4xx in the
 * documented error envelope with a code from docs/api.md's table, its HTTP status, a documented type and a
 * message, or a 2xx success envelope where the generated input happened to be valid; JSON, with the
 * rate-limit headers. Pages: never a 5xx, HTML. API Gateway's own answers only where it gives them:
 * {"message":"Not Found"} for a path no template route matches, 431 for a request over its header
 * quota. Nowhere a card number the request carried, and (checked by {@link RawHttp} on every answer)
 * no stack trace, class, package, exception or table name.
 */
final class DocumentedAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ERROR_FIELDS =
            Set.of("code", "message", "type", "param", "decline_code", "transaction_id");
    /** PUT /api/branding's additions (docs/api.md, "Branding"): every bad field, and the version stored now. */
    private static final Set<String> STRUCTURED_ERROR_FIELDS = Set.of("errors", "current_version");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{13,19}");
    private static final String GATEWAY_NOT_FOUND = "{\"message\":\"Not Found\"}";
    private static final String GATEWAY_HEADERS_TOO_LARGE = "{\"message\":\"Request Header Fields Too Large\"}";
    /** API Gateway's quota on the request line and header values (docs/api.md, "Errors"). */
    private static final int HEADER_QUOTA_BYTES = 10_240;
    /** How near the quota a case may be for either answer to count: the server may trim a value's spaces. */
    private static final int HEADER_QUOTA_SLACK = 64;

    private final DocumentedErrors documented;
    private final List<HttpRoute> routes;
    private final int port;

    DocumentedAnswer(DocumentedErrors documented, List<HttpRoute> routes, int port) {
        this.documented = documented;
        this.routes = routes;
        this.port = port;
    }

    Stage check(FuzzCase fuzzCase, HttpResult answer) {
        int status = answer.status();
        require(status < 500, "a " + status, answer);
        require(status >= 200 && status < 500, "status " + status, answer);
        assertNoCardNumberEchoed(fuzzCase, answer);
        long headerBytes = RawHttp.requestLineAndHeaderValueBytes(fuzzCase, port);
        if (GATEWAY_HEADERS_TOO_LARGE.equals(answer.body()) && status == 431) {
            require(headerBytes > HEADER_QUOTA_BYTES - HEADER_QUOTA_SLACK, "API Gateway's 431 for " + headerBytes
                    + " bytes of request line and header values", answer);
            return Stage.GATEWAY;
        }
        require(headerBytes <= HEADER_QUOTA_BYTES + HEADER_QUOTA_SLACK, "a request with " + headerBytes
                + " bytes of request line and header values, over API Gateway's quota, was answered", answer);
        if (GATEWAY_NOT_FOUND.equals(answer.body()) && status == 404) {
            require(!TemplateRoutes.anyMatches(routes, fuzzCase.method(), rawPath(RawHttp.clientTarget(fuzzCase.target()))),
                    "API Gateway's 404 for a path a route matches", answer);
            return Stage.GATEWAY;
        }
        return TemplateRoutes.isPage(fuzzCase.route()) ? checkPage(answer) : checkApi(answer);
    }

    private static Stage checkPage(HttpResult answer) {
        int status = answer.status();
        if (status >= 300 && status < 400) {
            String location = answer.header("location");
            require(location != null && !location.isBlank(), "a redirect without Location", answer);
            return Stage.PAGE;
        }
        String contentType = answer.header("content-type");
        require(contentType != null && contentType.startsWith("text/html"), "a page that is not HTML", answer);
        return Stage.PAGE;
    }

    private Stage checkApi(HttpResult answer) {
        int status = answer.status();
        require(status < 300 || status >= 400, "a redirect under /api", answer);
        String contentType = answer.header("content-type");
        require(contentType != null && contentType.startsWith("application/json"),
                "Content-Type " + contentType + " under /api", answer);
        require(answer.header("x-ratelimit-limit") != null && answer.header("x-ratelimit-remaining") != null
                && answer.header("x-ratelimit-reset") != null, "an /api answer without rate-limit headers", answer);
        JsonNode body = parse(answer);
        require(body.isObject(), "a body that is not a JSON object", answer);
        if (status < 300) {
            require(body.path("success").isBoolean() && body.path("success").booleanValue(),
                    "a 2xx without success:true", answer);
            require(body.path("data").isObject(), "a 2xx without a data object", answer);
            return Stage.ENDPOINT;
        }
        require(body.path("success").isBoolean() && !body.path("success").booleanValue(),
                "an error without success:false", answer);
        JsonNode error = body.path("error");
        require(error.isObject(), "an error without an error object", answer);
        String code = error.path("code").asText(null);
        require(code != null && documented.statusByCode().containsKey(code),
                "error code " + code + ", which docs/api.md's error table does not list", answer);
        require(documented.statusByCode().get(code) == status,
                "status " + status + " for " + code + " (docs/api.md says " + documented.statusByCode().get(code) + ")",
                answer);
        String type = error.path("type").asText(null);
        require(type != null && documented.types().contains(type), "error type " + type
                + ", not one of docs/api.md's " + documented.types(), answer);
        require(error.path("message").isTextual() && !error.path("message").textValue().isBlank(),
                "an error without a message", answer);
        for (Iterator<String> names = error.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (STRUCTURED_ERROR_FIELDS.contains(name)) {
                require(name.equals("errors") ? error.get(name).isObject() : error.get(name).canConvertToLong(),
                        "error." + name + " is not what docs/api.md says", answer);
                continue;
            }
            require(ERROR_FIELDS.contains(name), "an error field '" + name + "' outside the envelope", answer);
            require(error.get(name).isTextual(), "error." + name + " is not a string", answer);
        }
        if (status == 401) {
            return Stage.AUTHENTICATION;
        }
        if (status == 429) {
            return Stage.RATE_LIMIT;
        }
        return "Idempotency-Key".equals(error.path("param").asText(null)) ? Stage.IDEMPOTENCY_HEADER : Stage.ENDPOINT;
    }

    /** A card number (Luhn-valid) in the request must never come back, whatever field, header or path carried it. */
    private static void assertNoCardNumberEchoed(FuzzCase fuzzCase, HttpResult answer) {
        List<String> sent = new ArrayList<>();
        collectDigitRuns(fuzzCase.target(), sent);
        collectDigitRuns(fuzzCase.bodyText(), sent);
        fuzzCase.headers().forEach(header -> collectDigitRuns(header.getValue(), sent));
        for (String digits : sent) {
            require(!answer.body().contains(digits), "the answer repeats the card-number-like " + digits.length()
                    + "-digit run …" + digits.substring(digits.length() - 4) + " the request carried", answer);
        }
    }

    private static void collectDigitRuns(String text, List<String> into) {
        if (text != null) {
            Matcher run = DIGIT_RUN.matcher(text);
            while (run.find()) {
                if (CardNumberDetector.containsCardNumber(run.group())) {
                    into.add(run.group());
                }
            }
        }
    }

    private static String rawPath(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static JsonNode parse(HttpResult answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("a body that is not JSON: " + answer.describe());
        }
    }

    private static void require(boolean condition, String problem, HttpResult answer) {
        if (!condition) {
            throw new AssertionError(problem + ": " + answer.describe());
        }
    }
}
