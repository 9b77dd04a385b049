package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.regex.Pattern;

/** Checks of the API contract shared by several classes. */
final class ApiAssertions {
    static final Pattern TRANSACTION_ID = Pattern.compile("txn_[0-9A-Za-z]{24}");
    static final Pattern GATEWAY_ID = Pattern.compile("gw_[0-9A-Za-z]+");
    static final Pattern ISO_UTC_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private ApiAssertions() {
    }

    /** The error envelope with exactly this status, code and type; decline_code and param absent when null. */
    static JsonNode assertError(HttpResult result, int status, String code, String type, String declineCode,
            String param) {
        assertEquals(status, result.status(), result::describe);
        JsonNode body = result.json();
        assertEquals(false, body.path("success").asBoolean(true), result::describe);
        JsonNode error = body.path("error");
        assertEquals(code, error.path("code").asText(null), result::describe);
        assertEquals(type, error.path("type").asText(null), result::describe);
        assertTrue(error.path("message").isTextual() && !error.path("message").asText().isBlank(), result::describe);
        assertEquals(declineCode, error.path("decline_code").asText(null), () -> "decline_code of " + result.describe());
        assertEquals(param, error.path("param").asText(null), () -> "param of " + result.describe());
        assertJsonContentType(result);
        return error;
    }

    static JsonNode assertInvalidRequest(HttpResult result, String param) {
        return assertError(result, 400, "invalid_request", "invalid_request_error", null, param);
    }

    static void assertJsonContentType(HttpResult result) {
        String contentType = result.header("content-type");
        assertNotNull(contentType, result::describe);
        assertTrue(contentType.startsWith("application/json"), () -> "content-type " + contentType);
    }

    /** X-RateLimit-Limit/Remaining/Reset present and sane: Reset in unix seconds, within the next minute. */
    static void assertRateLimitHeaders(HttpResult result, long epochSecondBeforeRequest) {
        long after = Instant.now().getEpochSecond();
        String limit = result.header("x-ratelimit-limit");
        String remaining = result.header("x-ratelimit-remaining");
        String reset = result.header("x-ratelimit-reset");
        assertNotNull(limit, () -> "X-RateLimit-Limit missing: " + result.describe());
        assertNotNull(remaining, () -> "X-RateLimit-Remaining missing: " + result.describe());
        assertNotNull(reset, () -> "X-RateLimit-Reset missing: " + result.describe());
        int limitValue = Integer.parseInt(limit);
        int remainingValue = Integer.parseInt(remaining);
        long resetValue = Long.parseLong(reset);
        assertTrue(limitValue > 0, "limit " + limit);
        assertTrue(remainingValue >= 0 && remainingValue <= limitValue, "remaining " + remaining + " of " + limit);
        assertTrue(resetValue > epochSecondBeforeRequest && resetValue <= after + 60,
                () -> "X-RateLimit-Reset " + reset + " is not unix seconds within the next minute (now "
                        + after + ")");
    }

    /** created_at and friends: ISO 8601 UTC to the second, and recent. */
    static void assertRecentTimestamp(JsonNode value, String what) {
        assertTrue(value.isTextual() && ISO_UTC_SECONDS.matcher(value.asText()).matches(),
                what + " is not ISO 8601 UTC: " + value);
        Instant at = Instant.parse(value.asText());
        Instant now = Instant.now();
        assertFalse(at.isAfter(now.plusSeconds(2)) || at.isBefore(now.minusSeconds(600)),
                what + " " + at + " is not recent (now " + now + ")");
    }

    static void assertMatches(Pattern pattern, JsonNode value, String what) {
        assertTrue(value.isTextual() && pattern.matcher(value.asText()).matches(),
                what + " " + value + " does not match " + pattern);
    }
}
