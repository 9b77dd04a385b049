package com.circoflows.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.circoflows.api.ApiResponse;
import com.circoflows.json.Json;
import com.circoflows.observability.ColdStart;
import com.circoflows.observability.JsonLog;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.RecordingMetrics;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class HttpInvocationTest {
    private static final JsonLog LOG = JsonLog.get(HttpInvocationTest.class);
    private static final String FUNCTION = "circoflows-dev-HealthFunction-Abc123";
    private static final String TRACE_ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private final RecordingMetrics metrics = new RecordingMetrics();
    /** A container of this test's own: its first invocation is a cold start. */
    private final ColdStart container = new ColdStart();

    @Test
    void theRoutesLatencyIsRecordedWithTheStatusItAnswered() {
        container.firstInvocation();
        HttpInvocation.serve(event(), context("req-1"), request -> ApiResponse.json(201, Map.of()), metrics, container);
        assertEquals(java.util.List.of("request POST /api/direct-payment 201"), metrics.recorded());
    }

    @Test
    void linesLoggedDuringTheInvocationCarryTheLambdaRequestIdAndNoneAfterIt() {
        try (CapturedLog log = CapturedLog.start()) {
            HttpInvocation.serve(event(), context("lambda-req-7"), request -> {
                LOG.info("inside", Map.of());
                return ApiResponse.json(200, Map.of());
            }, metrics, container);
            LOG.info("after", Map.of());
            var lines = log.text().lines().map(Json::readMap).toList();
            assertEquals("lambda-req-7", lines.get(0).get(JsonLog.AWS_REQUEST_ID));
            assertFalse(lines.get(1).containsKey(JsonLog.AWS_REQUEST_ID));
        }
    }

    @Test
    void aMissingContextStillServesTheRequest() {
        var response = HttpInvocation.serve(event(), null, request -> ApiResponse.json(204, Map.of()), metrics, container);
        assertEquals(204, response.getStatusCode());
        assertTrue(metrics.recorded().get(metrics.recorded().size() - 1).endsWith(" 204"));
    }

    @Test
    void everyLineCarriesTheTraceTheFunctionItsVersionAndWhetherItIsTheContainersFirstInvocation() {
        try (CapturedLog log = CapturedLog.start()) {
            for (String requestId : List.of("first", "second")) {
                HttpInvocation.serve(event(), context(requestId), request -> {
                    LOG.info("inside", Map.of());
                    return ApiResponse.json(200, Map.of());
                }, metrics, container);
            }
            LOG.info("between_invocations", Map.of());
            var lines = log.text().lines().map(Json::readMap).toList();
            assertEquals(3, lines.size());
            for (var line : lines.subList(0, 2)) {
                assertEquals(TRACE_ROOT, line.get(JsonLog.XRAY_TRACE_ID), line.toString());
                assertEquals(FUNCTION, line.get(JsonLog.FUNCTION_NAME));
                assertEquals("7", line.get(JsonLog.FUNCTION_VERSION));
            }
            assertEquals(true, lines.get(0).get(JsonLog.COLD_START));
            assertEquals(false, lines.get(1).get(JsonLog.COLD_START));
            for (String field : List.of(JsonLog.XRAY_TRACE_ID, JsonLog.FUNCTION_NAME, JsonLog.FUNCTION_VERSION,
                    JsonLog.COLD_START)) {
                assertTrue(lines.get(2).containsKey(field), "a line outside an invocation has " + field + " too");
            }
        }
    }

    @Test
    void aColdStartIsCountedOnceForTheFirstInvocationAndAgainAfterASnapStartRestore() {
        for (int i = 0; i < 3; i++) {
            HttpInvocation.serve(event(), context("req-" + i), request -> ApiResponse.json(200, Map.of()), metrics, container);
        }
        container.restored();
        HttpInvocation.serve(event(), context("req-after-restore"), request -> ApiResponse.json(200, Map.of()), metrics,
                container);
        assertEquals(2, metrics.recorded().stream().filter(("cold start " + FUNCTION)::equals).count(), metrics.recorded().toString());
        assertEquals("cold start " + FUNCTION, metrics.recorded().get(0));
    }

    @Test
    void theTraceIdComesFromTheRuntimesPerInvocationPropertyWhenTheContextHasNone() {
        String previous = System.getProperty(InvocationStart.TRACE_HEADER_PROPERTY);
        System.setProperty(InvocationStart.TRACE_HEADER_PROPERTY, "Root=1-aaaa-bbbb;Parent=cc;Sampled=0");
        try (CapturedLog log = CapturedLog.start()) {
            HttpInvocation.serve(event(), null, request -> {
                LOG.info("inside", Map.of());
                return ApiResponse.json(200, Map.of());
            }, metrics, container);
            assertEquals("1-aaaa-bbbb", Json.readMap(log.text().strip()).get(JsonLog.XRAY_TRACE_ID));
        } finally {
            if (previous == null) {
                System.clearProperty(InvocationStart.TRACE_HEADER_PROPERTY);
            } else {
                System.setProperty(InvocationStart.TRACE_HEADER_PROPERTY, previous);
            }
        }
    }

    private static APIGatewayV2HTTPEvent event() {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /api/direct-payment");
        event.setRawPath("/api/direct-payment");
        APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        http.setPath("/api/direct-payment");
        http.setSourceIp("203.0.113.9");
        requestContext.setHttp(http);
        requestContext.setRequestId("apigw-1");
        event.setRequestContext(requestContext);
        event.setHeaders(Map.of());
        return event;
    }

    private static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> FUNCTION;
                    case "getFunctionVersion" -> "7";
                    case "getXrayTraceId" -> "Root=" + TRACE_ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1";
                    default -> null;
                });
    }
}
