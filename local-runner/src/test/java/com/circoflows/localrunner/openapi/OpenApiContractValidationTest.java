package com.circoflows.localrunner.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the end-to-end tests hold every answer to (see {@link OpenApiContract}): real answers of the
 * local runner pass, and each kind of drift between the code and docs/openapi.yaml is named.
 */
class OpenApiContractValidationTest {
    private static final String HEALTH = "{\"success\":true,\"message\":\"API is operational\",\"data\":{\"status\":\"ok\","
            + "\"version\":\"2.0.0\",\"merchant_id\":\"mch_pgmRPg8rouc5HyyOxQVW\",\"mode\":\"test\","
            + "\"time\":\"2026-12-04T16:52:53Z\"}}";
    private static final String NOT_FOUND = "{\"success\":false,\"error\":{\"code\":\"transaction_not_found\","
            + "\"message\":\"Transaction does not exist.\",\"type\":\"invalid_request_error\"}}";
    private static final String WEBHOOK = "{\"id\":\"evt_RIqf3n30ckrK4H77DfgNjz0q\",\"type\":\"payment.succeeded\","
            + "\"created_at\":\"2026-12-04T16:53:05Z\",\"data\":{\"transaction_id\":\"txn_KxbXNBMSQnF8wV3zCCqKhp4y\","
            + "\"amount\":15000,\"currency\":\"USD\",\"status\":\"completed\",\"capture_method\":\"automatic\","
            + "\"amount_captured\":15000,\"amount_refunded\":0,\"refunds_count\":0,\"gateway_transaction_id\":"
            + "\"gw_RpPffd0vyVWXX7My53E8VXXg\",\"created_at\":\"2026-12-04T16:53:05Z\",\"processed_at\":"
            + "\"2026-12-04T16:53:05Z\",\"livemode\":false,\"payment_method\":\"card\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\","
            + "\"exp_month\":12,\"exp_year\":2030},\"three_d_secure\":\"not_required\",\"risk\":{\"score\":0,"
            + "\"rules_hit\":[]},\"customer_info\":{\"name\":\"John Doe\"},\"metadata\":{\"order_id\":\"ORD-12345\"}}}";

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void aRealAnswerOfTheLocalRunnerConforms() {
        assertEquals(List.of(), contract.problems("GET", "/api/health", 200, apiHeaders(), HEALTH));
        assertEquals(List.of(), contract.problems("GET", "/api/direct-payment/txn_000000000000000000000000", 404,
                apiHeaders(), NOT_FOUND));
    }

    @Test
    void aFieldTheSpecDoesNotKnowIsNamed() {
        String withExtra = HEALTH.replace("\"mode\":\"test\"", "\"mode\":\"test\",\"region\":\"eu-west-1\"");
        List<String> problems = contract.problems("GET", "/api/health", 200, apiHeaders(), withExtra);
        assertTrue(problems.toString().contains("region") && problems.get(0).startsWith("GET /api/health (getHealth) 200"),
                problems.toString());
    }

    @Test
    void aStatusTheOperationDoesNotDocumentIsNamedWithTheOnesItDoes() {
        List<String> problems = contract.problems("GET", "/api/health", 404, apiHeaders(), NOT_FOUND);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("does not document status 404"), problems.toString());
    }

    @Test
    void anErrorCodeTheStatusDoesNotDocumentIsNamed() {
        String sessionNotFound = NOT_FOUND.replace("transaction_not_found", "session_not_found");
        List<String> problems = contract.problems("GET", "/api/direct-payment/txn_000000000000000000000000", 404,
                apiHeaders(), sessionNotFound);
        assertTrue(problems.toString().contains("/error/code"), problems.toString());
    }

    @Test
    void anErrorTypeThatIsNotItsCodesIsNamed() {
        String wrongType = NOT_FOUND.replace("invalid_request_error", "api_error");
        List<String> problems = contract.problems("GET", "/api/direct-payment/txn_000000000000000000000000", 404,
                apiHeaders(), wrongType);
        assertTrue(problems.toString().contains("/error/type"), problems.toString());
    }

    @Test
    void aMissingRequiredHeaderIsNamed() {
        Map<String, List<String>> headers = new LinkedHashMap<>(apiHeaders().map());
        headers.remove("X-RateLimit-Remaining");
        List<String> problems = contract.problems("GET", "/api/health", 200, HttpHeaders.of(headers, (n, v) -> true),
                HEALTH);
        assertEquals(List.of("GET /api/health (getHealth) 200: header X-RateLimit-Remaining missing"), problems);
    }

    @Test
    void aRateLimitAnswerWithoutRetryAfterIsNamed() {
        String limited = "{\"success\":false,\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Too many requests.\","
                + "\"type\":\"rate_limit_error\"}}";
        List<String> problems = contract.problems("GET", "/api/health", 429, apiHeaders(), limited);
        assertEquals(List.of("GET /api/health (getHealth) 429: header Retry-After missing"), problems);
    }

    @Test
    void apiGatewaysNotFoundIsDocumentedOnlyWhereNoRouteMatches() {
        String gateway = "{\"message\":\"Not Found\"}";
        assertEquals(List.of(), contract.problems("GET", "/api/nope", 404, json(), gateway));
        assertEquals(List.of(), contract.problems("DELETE", "/api/health", 404, json(), gateway));
        List<String> routed = contract.problems("GET", "/api/direct-payment/txn_x", 404, json(), gateway);
        assertTrue(routed.toString().contains("getDirectPayment") && routed.toString().contains("success"),
                routed.toString());
    }

    @Test
    void apiGatewaysHeaderQuotaAnswerIsDocumentedOnEveryPath() {
        assertEquals(List.of(), contract.problems("POST", "/api/direct-payment", 431, json(),
                "{\"message\":\"Request Header Fields Too Large\"}"));
    }

    @Test
    void aPageIsHtmlAndARedirectHasALocation() {
        HttpHeaders page = headers(Map.of("Content-Type", "text/html; charset=utf-8",
                "Content-Security-Policy", "default-src 'none'", "X-Frame-Options", "DENY"));
        assertEquals(List.of(), contract.problems("GET", "/pay/sess_TcjORKToCh3RcGKw9nGHgIQT", 410, page, "<html>"));
        List<String> asJson = contract.problems("GET", "/pay/sess_TcjORKToCh3RcGKw9nGHgIQT", 200,
                headers(Map.of("Content-Type", "application/json", "Content-Security-Policy", "x", "X-Frame-Options", "DENY")),
                "{}");
        assertTrue(asJson.toString().contains("Content-Type application/json"), asJson.toString());
        List<String> redirect = contract.problems("POST", "/pay/3ds/txn_AH4aMkSchU2UsJjyZ4wxNDsh", 303,
                headers(Map.of()), "");
        assertEquals(List.of("POST /pay/3ds/{transaction_id} (submitThreeDSecurePage) 303: header Location missing"),
                redirect);
    }

    @Test
    void aWebhookDeliveryIsHeldToItsWebhookSchemaAndSignatureHeaders() {
        Map<String, List<String>> signed = Map.of(
                "x-webhook-signature", List.of("4bc184bcb1824860168487e0a75c6c47b0f98ec84aa14ca28aca835795781e30"),
                "webhook-id", List.of("evt_RIqf3n30ckrK4H77DfgNjz0q"),
                "webhook-timestamp", List.of("1796403186"),
                "webhook-signature", List.of("v1,v48yJZSOoREK+dvxQ+yXwVw+LUdCRTJNSpuBapTt21I="));
        assertEquals(List.of(), contract.webhookProblems(signed, WEBHOOK));
        Map<String, List<String>> unsigned = new LinkedHashMap<>(signed);
        unsigned.remove("webhook-signature");
        assertEquals(List.of("webhook payment.succeeded: header webhook-signature missing"),
                contract.webhookProblems(unsigned, WEBHOOK));
        List<String> wrongStatus = contract.webhookProblems(signed, WEBHOOK.replace("\"completed\"", "\"failed\""));
        assertTrue(wrongStatus.toString().contains("/data/status"), wrongStatus.toString());
    }

    private static HttpHeaders apiHeaders() {
        return headers(Map.of("Content-Type", "application/json", "X-Request-Id", "4765f2e6-6b65-4605-8d88-987cb8915b5e",
                "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "9", "X-RateLimit-Reset", "1796403180"));
    }

    private static HttpHeaders json() {
        return headers(Map.of("Content-Type", "application/json"));
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        values.forEach((name, value) -> map.put(name, List.of(value)));
        return HttpHeaders.of(map, (name, value) -> true);
    }
}
