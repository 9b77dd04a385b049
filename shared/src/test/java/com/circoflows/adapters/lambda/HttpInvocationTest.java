package com.circoflows.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Json;
import com.circoflows.observability.JsonLog;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.RecordingMetrics;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpInvocationTest {
    private static final JsonLog LOG = JsonLog.get(HttpInvocationTest.class);
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void theRoutesLatencyIsRecordedWithTheStatusItAnswered() {
        HttpInvocation.serve(event(), context("req-1"), request -> ApiResponse.json(201, Map.of()), metrics);
        assertEquals(java.util.List.of("request POST /api/direct-payment 201"), metrics.recorded());
    }

    @Test
    void linesLoggedDuringTheInvocationCarryTheLambdaRequestIdAndNoneAfterIt() {
        try (CapturedLog log = CapturedLog.start()) {
            HttpInvocation.serve(event(), context("lambda-req-7"), request -> {
                LOG.info("inside", Map.of());
                return ApiResponse.json(200, Map.of());
            }, metrics);
            LOG.info("after", Map.of());
            var lines = log.text().lines().map(Json::readMap).toList();
            assertEquals("lambda-req-7", lines.get(0).get(JsonLog.AWS_REQUEST_ID));
            assertFalse(lines.get(1).containsKey(JsonLog.AWS_REQUEST_ID));
        }
    }

    @Test
    void aMissingContextStillServesTheRequest() {
        var response = HttpInvocation.serve(event(), null, request -> ApiResponse.json(204, Map.of()), metrics);
        assertEquals(204, response.getStatusCode());
        assertTrue(metrics.recorded().get(0).endsWith(" 204"));
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
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : null);
    }
}
