package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The runner refuses what API Gateway refuses before any function runs: a request line and header
 * values over the HTTP API's 10,240-byte quota get 431; any number of headers within it reach the
 * function (the JDK server alone dropped the connection after 200).
 */
@EndToEnd
class ApiGatewayLimitsIT {
    private final E2e e2e;

    ApiGatewayLimitsIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void headersOverApiGatewaysTenKilobyteQuotaAre431BeforeAnyFunctionRuns() {
        HttpRequest request = health(e2e.newMerchant("Header Quota Merchant").apiKey())
                .header("X-Padding", "x".repeat(10_300)).build();

        HttpResult refused = Api.send(e2e, request);

        assertEquals(431, refused.status(), refused::describe);
        assertEquals("{\"message\":\"Request Header Fields Too Large\"}", refused.body());
        assertNull(refused.header("x-request-id"), "no function answered");
    }

    @Test
    void threeHundredSmallHeadersWithinTheQuotaReachTheFunction() {
        HttpRequest.Builder request = health(e2e.newMerchant("Many Headers Merchant").apiKey());
        for (int i = 0; i < 300; i++) {
            request.header("X-Header-" + i, "v");
        }

        HttpResult answered = Api.send(e2e, request.build());

        assertEquals(200, answered.status(), answered::describe);
    }

    private HttpRequest.Builder health(String apiKey) {
        return HttpRequest.newBuilder(URI.create(e2e.baseUrl() + "/api/health")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + apiKey).GET();
    }
}
