package com.circoflows.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each line must be what CloudWatch's embedded metric format specification asks for. */
class EmfMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics("prod", new PrintStream(buffer, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void forgetTheInvocation() {
        LogContext.endInvocation();
    }

    @Test
    void aSucceededPaymentIsCountedByOutcomeUnderTheStage() {
        metrics.paymentRecorded(Metrics.PaymentOutcome.SUCCEEDED, null);
        Map<String, Object> line = onlyLine();
        Map<String, Object> directive = directive(line);
        assertEquals(NOW.toEpochMilli(), ((Number) aws(line).get("Timestamp")).longValue());
        assertEquals("CircoFlows", directive.get("Namespace"));
        assertEquals(List.of(List.of("Stage", "Outcome")), directive.get("Dimensions"));
        assertEquals(List.of(Map.of("Name", "Payments", "Unit", "Count")), directive.get("Metrics"));
        assertEquals("prod", line.get("Stage"));
        assertEquals("succeeded", line.get("Outcome"));
        assertEquals(1, ((Number) line.get("Payments")).intValue());
    }

    @Test
    void aColdStartIsCountedByFunctionUnderTheStage() {
        metrics.coldStart("circoflows-prod-HealthFunction-Abc123");
        Map<String, Object> line = onlyLine();
        assertEquals(List.of(List.of("Stage", "FunctionName")), directive(line).get("Dimensions"));
        assertEquals(List.of(Map.of("Name", "ColdStarts", "Unit", "Count")), directive(line).get("Metrics"));
        assertEquals("circoflows-prod-HealthFunction-Abc123", line.get("FunctionName"));
        assertEquals(1, ((Number) line.get(EmfMetrics.COLD_STARTS)).intValue());
    }

    @Test
    void aDeclineIsCountedAsAPaymentAndByItsDeclineCode() {
        metrics.paymentRecorded(Metrics.PaymentOutcome.DECLINED, "insufficient_funds");
        List<Map<String, Object>> lines = lines();
        assertEquals(2, lines.size());
        assertEquals("declined", lines.get(0).get("Outcome"));
        assertEquals(List.of(List.of("Stage", "DeclineCode")), directive(lines.get(1)).get("Dimensions"));
        assertEquals("insufficient_funds", lines.get(1).get("DeclineCode"));
        assertEquals(1, ((Number) lines.get(1).get("Declines")).intValue());
    }

    @Test
    void everyOutcomeHasTheNameTheApiUses() {
        for (Metrics.PaymentOutcome outcome : Metrics.PaymentOutcome.values()) {
            metrics.paymentRecorded(outcome, outcome == Metrics.PaymentOutcome.DECLINED ? "generic_decline" : null);
        }
        List<Object> outcomes = lines().stream().filter(l -> l.containsKey("Outcome")).map(l -> l.get("Outcome")).toList();
        assertEquals(List.of("succeeded", "authorized", "declined", "requires_action", "failed"), outcomes);
    }

    @Test
    void aWebhookAttemptCountsAsAnAttemptAndAFailureOnlyWhenItFailed() {
        metrics.webhookAttempted(true);
        metrics.webhookAttempted(false);
        List<Map<String, Object>> lines = lines();
        assertEquals(List.of(List.of("Stage")), directive(lines.get(0)).get("Dimensions"));
        assertEquals(1, ((Number) lines.get(0).get("WebhookDeliveryAttempts")).intValue());
        assertEquals(0, ((Number) lines.get(0).get("WebhookDeliveryFailures")).intValue());
        assertEquals(1, ((Number) lines.get(1).get("WebhookDeliveryFailures")).intValue());
    }

    @Test
    void latencyIsInMillisecondsPerRouteWithTheStatusAndRequestIdAsSearchableProperties() {
        LogContext.beginInvocation("aws-req-9");
        metrics.requestServed("POST /api/direct-payment", 201, Duration.ofMillis(42));
        Map<String, Object> line = onlyLine();
        assertEquals(List.of(List.of("Stage", "Route")), directive(line).get("Dimensions"));
        assertEquals(List.of(Map.of("Name", "Latency", "Unit", "Milliseconds")), directive(line).get("Metrics"));
        assertEquals("POST /api/direct-payment", line.get("Route"));
        assertEquals(42.0, ((Number) line.get("Latency")).doubleValue());
        assertEquals(201, ((Number) line.get("status")).intValue());
        assertEquals("aws-req-9", line.get(JsonLog.AWS_REQUEST_ID));
    }

    @Test
    void everyMetricADirectiveNamesHasAValueInTheLine() {
        metrics.paymentRecorded(Metrics.PaymentOutcome.DECLINED, null);
        metrics.webhookAttempted(false);
        metrics.requestServed(null, 500, Duration.ofMillis(3));
        for (Map<String, Object> line : lines()) {
            Map<String, Object> directive = directive(line);
            for (Object metric : (List<?>) directive.get("Metrics")) {
                assertTrue(line.get(((Map<?, ?>) metric).get("Name")) instanceof Number, line.toString());
            }
            for (Object dimension : (List<?>) ((List<?>) directive.get("Dimensions")).get(0)) {
                assertTrue(line.get(dimension) instanceof String, "dimension " + dimension + " in " + line);
            }
        }
    }

    private Map<String, Object> onlyLine() {
        List<Map<String, Object>> lines = lines();
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0);
    }

    private List<Map<String, Object>> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).map(Json::readMap).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> aws(Map<String, Object> line) {
        return (Map<String, Object>) line.get("_aws");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> directive(Map<String, Object> line) {
        List<Object> directives = (List<Object>) aws(line).get("CloudWatchMetrics");
        assertEquals(1, directives.size());
        return (Map<String, Object>) directives.get(0);
    }
}
