package com.circoflows.functions.health;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.config.Settings;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HealthHandler as Lambda runs it: template environment, no-arg constructor, events/health/*.json. */
@ExtendWith(HandlerStackExtension.class)
class HealthHandlerIT {
    private static final String FUNCTION = "HealthFunction";

    private static HandlerStack stack;
    private static HealthHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, HealthHandler.class, HealthHandler::new);
    }

    @Test
    void okEventReportsStatusVersionAndTheKeysMerchantAndMode() {
        APIGatewayV2HTTPEvent event = event("health/ok.json");
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertFalse(event.getIsBase64Encoded());
        assertEquals("Bearer " + SampleEvents.SAMPLE_KEY, event.getHeaders().get("authorization"));

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        assertEquals("API is operational", body.get("message").asText());
        JsonNode data = body.get("data");
        assertEquals("ok", data.get("status").asText());
        assertEquals("2.0.0", data.get("version").asText());
        assertEquals(stack.merchants().sampleMerchantId(), data.get("merchant_id").asText());
        assertEquals("test", data.get("mode").asText());
        Instant time = Instant.parse(data.get("time").asText());
        assertTrue(Duration.between(time, Instant.now()).abs().getSeconds() < 60, "time is now");
        assertEquals(event.getRequestContext().getRequestId(), response.getHeaders().get("x-request-id"));
        assertRateLimitHeaders(response, 10);
    }

    @Test
    void badKeyEventIsRefusedWith401AndNoData() {
        APIGatewayV2HTTPEvent event = event("health/bad-key.json");

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(401, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertFalse(body.get("success").asBoolean());
        assertFalse(body.has("data"));
        assertEquals("authentication_failed", body.get("error").get("code").asText());
        assertEquals("authentication_error", body.get("error").get("type").asText());
        assertEquals("Invalid API key provided.", body.get("error").get("message").asText());
        assertRateLimitHeaders(response, 10);
    }

    @Test
    void requestWithoutAuthorizationHeaderIsToldHowToSendTheKey() {
        APIGatewayV2HTTPEvent event = withHeader(event("health/ok.json"), "authorization", null);

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(401, response.getStatusCode());
        assertTrue(json(response).get("error").get("message").asText().contains("Authorization: Bearer"));
    }

    @Test
    void eleventhKeyCheckInAMinuteIsRateLimitedWithRetryAfter() {
        String key = stack.merchants().newMerchantKey("Rate Limited Merchant");
        APIGatewayV2HTTPResponse limited = null;
        // The limit is 10 a minute; 22 calls see 11 in one window even if a minute boundary passes.
        for (int i = 0; i < 22 && limited == null; i++) {
            APIGatewayV2HTTPResponse response = invoke(withApiKey(event("health/ok.json"), key));
            if (response.getStatusCode() == 429) {
                limited = response;
            } else {
                assertEquals(200, response.getStatusCode(), response.getBody());
            }
        }

        assertNotNull(limited, "never rate limited");
        JsonNode error = json(limited).get("error");
        assertEquals("rate_limit_exceeded", error.get("code").asText());
        assertEquals("rate_limit_error", error.get("type").asText());
        assertEquals("0", limited.getHeaders().get("x-ratelimit-remaining"));
        long retryAfter = Long.parseLong(limited.getHeaders().get("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "retry-after " + retryAfter);
    }

    @Test
    void missingTemplateVariableFailsTheColdStartNotARequest() {
        Map<String, String> incomplete = new HashMap<>(stack.functions().environment(FUNCTION));
        incomplete.remove("API_KEYS_TABLE");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Settings.withEnvironment(incomplete, HealthHandler::new));

        assertTrue(failure.getMessage().contains("API_KEYS_TABLE"), failure.getMessage());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }

    private static void assertRateLimitHeaders(APIGatewayV2HTTPResponse response, int limit) {
        Map<String, String> headers = response.getHeaders();
        assertEquals(Integer.toString(limit), headers.get("x-ratelimit-limit"));
        int remaining = Integer.parseInt(headers.get("x-ratelimit-remaining"));
        assertTrue(remaining >= 0 && remaining < limit, "remaining " + remaining);
        long reset = Long.parseLong(headers.get("x-ratelimit-reset"));
        long now = Instant.now().getEpochSecond();
        assertTrue(reset > now - 1 && reset <= now + 60, "reset " + reset + " vs now " + now);
    }
}
