package com.circoflows.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.json.Json;
import com.circoflows.testing.CapturedLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class JsonLogContextTest {
    private static final JsonLog LOG = JsonLog.get(JsonLogContextTest.class);

    @AfterEach
    void forgetTheInvocation() {
        LogContext.endInvocation();
    }

    @Test
    void everyLineOfAnInvocationCarriesItsLambdaRequestId() {
        try (CapturedLog log = CapturedLog.start()) {
            LogContext.beginInvocation("c0ffee-1");
            LOG.info("first", Map.of());
            LOG.warn("second", Map.of("k", "v"));
            List<Map<String, Object>> lines = lines(log);
            assertEquals(2, lines.size());
            lines.forEach(line -> assertEquals("c0ffee-1", line.get(JsonLog.AWS_REQUEST_ID)));
        }
    }

    @Test
    void theMerchantIdJoinsTheLinesOnceTheCallerIsKnown() {
        try (CapturedLog log = CapturedLog.start()) {
            LogContext.beginInvocation("req-2");
            LOG.info("before_authentication", Map.of());
            LogContext.merchant("mer_123");
            LOG.info("after_authentication", Map.of());
            List<Map<String, Object>> lines = lines(log);
            assertFalse(lines.get(0).containsKey("merchant_id"));
            assertEquals("mer_123", lines.get(1).get("merchant_id"));
        }
    }

    @Test
    void aNewInvocationForgetsThePreviousMerchant() {
        try (CapturedLog log = CapturedLog.start()) {
            LogContext.beginInvocation("req-a");
            LogContext.merchant("mer_a");
            LogContext.beginInvocation("req-b");
            LOG.info("next", Map.of());
            Map<String, Object> line = lines(log).get(0);
            assertEquals("req-b", line.get(JsonLog.AWS_REQUEST_ID));
            assertFalse(line.containsKey("merchant_id"));
        }
    }

    @Test
    void aMerchantIdTheCallerLogsWinsButANullOneDoesNotEraseTheKnownOne() {
        try (CapturedLog log = CapturedLog.start()) {
            LogContext.beginInvocation("req-3");
            LogContext.merchant("mer_known");
            Map<String, Object> unknown = new HashMap<>();
            unknown.put("merchant_id", null);
            LOG.info("null_field", unknown);
            LOG.info("explicit_field", Map.of("merchant_id", "mer_other"));
            List<Map<String, Object>> lines = lines(log);
            assertEquals("mer_known", lines.get(0).get("merchant_id"));
            assertEquals("mer_other", lines.get(1).get("merchant_id"));
        }
    }

    @Test
    void aMerchantNamedOutsideAnInvocationIsNotKept() {
        try (CapturedLog log = CapturedLog.start()) {
            LogContext.merchant("mer_stray");
            LOG.info("later", Map.of());
            assertFalse(lines(log).get(0).containsKey("merchant_id"));
        }
    }

    @Test
    void linesOutsideAnInvocationHaveNoRequestId() {
        try (CapturedLog log = CapturedLog.start()) {
            LOG.info("startup", Map.of());
            assertFalse(lines(log).get(0).containsKey(JsonLog.AWS_REQUEST_ID));
        }
    }

    @Test
    void aCardNumberInAFieldIsMaskedEvenWithTheContextAdded() {
        try (CapturedLog log = CapturedLog.start()) {
            LogContext.beginInvocation("req-4");
            LogContext.merchant("mer_4");
            LOG.info("oops", Map.of("detail", "card 4242424242424242 given"));
            assertFalse(log.text().contains("4242424242424242"));
            assertTrue(log.text().contains("[redacted-digits]"));
        }
    }

    private static List<Map<String, Object>> lines(CapturedLog log) {
        return log.text().lines().filter(l -> !l.isBlank()).map(Json::readMap).toList();
    }
}
