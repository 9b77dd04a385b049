package com.circoflows.observability;

import com.circoflows.json.Json;
import com.circoflows.domain.card.CardNumberDetector;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JSON object per line on stdout, which Lambda ships to CloudWatch Logs (with LogFormat JSON it
 * keeps the object as it is). Every line carries xray_trace_id, function_name, function_version and
 * cold_start (null where unknown), within an invocation its aws_request_id, and, once known, its
 * merchant_id ({@link LogContext}). Request bodies are never logged; as a second line of defence
 * every card number however written ({@link CardNumberDetector}) and every long digit run is masked
 * before writing.
 */
public final class JsonLog {
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{12,}");
    private static volatile PrintStream out = System.out;

    /** The Lambda invocation's id (Context#getAwsRequestId); request_id is API Gateway's, the client's x-request-id. */
    public static final String AWS_REQUEST_ID = "aws_request_id";
    public static final String XRAY_TRACE_ID = "xray_trace_id";
    public static final String FUNCTION_NAME = "function_name";
    public static final String FUNCTION_VERSION = "function_version";
    public static final String COLD_START = "cold_start";
    /** Outside an invocation (init, priming) the container's own: Lambda sets these for init too. */
    private static final String PROCESS_FUNCTION_NAME = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    private static final String PROCESS_FUNCTION_VERSION = System.getenv("AWS_LAMBDA_FUNCTION_VERSION");

    private final String logger;

    private JsonLog(String logger) {
        this.logger = logger;
    }

    public static JsonLog get(Class<?> owner) {
        return new JsonLog(owner.getSimpleName());
    }

    /** For the local runner and tests that capture logs. */
    public static void redirectTo(PrintStream stream) {
        out = stream;
    }

    public void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields, null);
    }

    public void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields, null);
    }

    public void error(String event, Map<String, ?> fields, Throwable failure) {
        write("ERROR", event, fields, failure);
    }

    private void write(String level, String event, Map<String, ?> fields, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("event", event);
        Invocation invocation = LogContext.invocation();
        if (invocation != null && invocation.awsRequestId() != null) {
            line.put(AWS_REQUEST_ID, invocation.awsRequestId());
        }
        line.put(XRAY_TRACE_ID, invocation == null ? null : invocation.xrayTraceId());
        line.put(FUNCTION_NAME, invocation == null || invocation.functionName() == null
                ? PROCESS_FUNCTION_NAME : invocation.functionName());
        line.put(FUNCTION_VERSION, invocation == null || invocation.functionVersion() == null
                ? PROCESS_FUNCTION_VERSION : invocation.functionVersion());
        // Init and priming are part of the container's cold start; an invocation knows its own.
        line.put(COLD_START, invocation == null || invocation.coldStart());
        String merchantId = LogContext.merchantId();
        if (merchantId != null) {
            line.put("merchant_id", merchantId);
        }
        // A field the caller gives wins over the context, unless it is null.
        fields.forEach((name, value) -> {
            if (value != null || !line.containsKey(name)) {
                line.put(name, value);
            }
        });
        if (failure != null) {
            line.put("error_class", failure.getClass().getName());
            line.put("error_message", String.valueOf(failure.getMessage()));
            StringBuilder trace = new StringBuilder();
            for (StackTraceElement element : failure.getStackTrace()) {
                if (trace.length() > 4000) {
                    break;
                }
                trace.append(element).append('\n');
            }
            line.put("stack", trace.toString());
        }
        String text = CardNumberDetector.mask(LONG_DIGIT_RUN.matcher(Json.write(line)).replaceAll("[redacted-digits]"));
        out.println(text);
    }
}
