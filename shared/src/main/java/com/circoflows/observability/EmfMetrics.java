package com.circoflows.observability;

import com.circoflows.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics as CloudWatch Embedded Metric Format lines on stdout: CloudWatch Logs extracts them from the
 * function's log group, so publishing costs no API call and no latency. Every metric has the Stage
 * dimension; the others (outcome, decline code, route) have a handful of values each, which keeps the
 * number of custom metrics, and their cost, small.
 */
public final class EmfMetrics implements Metrics {
    public static final String NAMESPACE = "CircoFlows";
    public static final String PAYMENTS = "Payments";
    public static final String DECLINES = "Declines";
    public static final String WEBHOOK_ATTEMPTS = "WebhookDeliveryAttempts";
    public static final String WEBHOOK_FAILURES = "WebhookDeliveryFailures";
    public static final String LATENCY = "Latency";
    public static final String COLD_STARTS = "ColdStarts";

    private final String stage;
    private final PrintStream out;
    private final Clock clock;

    public EmfMetrics(String stage, PrintStream out, Clock clock) {
        this.stage = stage;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void paymentRecorded(PaymentOutcome outcome, String declineCode) {
        write(List.of(metric(PAYMENTS, "Count")), Map.of("Outcome", outcome.wireName()), Map.of(PAYMENTS, 1));
        if (outcome == PaymentOutcome.DECLINED) {
            write(List.of(metric(DECLINES, "Count")),
                    Map.of("DeclineCode", declineCode == null ? "unknown" : declineCode), Map.of(DECLINES, 1));
        }
    }

    @Override
    public void webhookAttempted(boolean delivered) {
        // Both in one line, failures as 0 or 1, so the failure rate is a plain ratio of two sums.
        write(List.of(metric(WEBHOOK_ATTEMPTS, "Count"), metric(WEBHOOK_FAILURES, "Count")), Map.of(),
                Map.of(WEBHOOK_ATTEMPTS, 1, WEBHOOK_FAILURES, delivered ? 0 : 1));
    }

    @Override
    public void requestServed(String route, int status, Duration elapsed) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(LATENCY, elapsed.toNanos() / 1_000_000.0);
        values.put("status", status); // a property, not a dimension: searchable in Logs Insights
        write(List.of(metric(LATENCY, "Milliseconds")), Map.of("Route", route == null ? "unknown" : route), values);
    }

    @Override
    public void coldStart(String functionName) {
        write(List.of(metric(COLD_STARTS, "Count")),
                Map.of("FunctionName", functionName == null ? "unknown" : functionName), Map.of(COLD_STARTS, 1));
    }

    private static Map<String, String> metric(String name, String unit) {
        return Map.of("Name", name, "Unit", unit);
    }

    private void write(List<Map<String, String>> metrics, Map<String, String> dimensions, Map<String, ?> values) {
        Map<String, String> allDimensions = new LinkedHashMap<>();
        allDimensions.put("Stage", stage);
        allDimensions.putAll(dimensions);
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.copyOf(allDimensions.keySet())));
        directive.put("Metrics", metrics);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", clock.millis(), "CloudWatchMetrics", List.of(directive)));
        line.putAll(allDimensions);
        line.putAll(values);
        String requestId = LogContext.requestId();
        if (requestId != null) {
            line.put(JsonLog.AWS_REQUEST_ID, requestId);
        }
        out.println(Json.write(line));
    }
}
