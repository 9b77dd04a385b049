package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.openapi.OpenApiContract;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The money after the charge over real HTTP, as docs/api.md walks it: authorise only, capture part,
 * refund part then the rest, list; every webhook on the way arrives signed and as docs/openapi.yaml
 * describes it.
 */
@EndToEnd
class PaymentsAfterTheChargeIT {
    private static final String CVV = "742";

    private final E2e e2e;

    PaymentsAfterTheChargeIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void authoriseCapturePartRefundInTwoStepsAndEveryEventArrivesAsDocumented() {
        List<String> contractProblems = new CopyOnWriteArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(Answering.always(200))) {
            receiver.inspectEach(delivery -> contractProblems.addAll(
                    OpenApiContract.get().webhookProblems(delivery.headerValues(), delivery.body())));
            E2e.TestMerchant merchant = e2e.newMerchant("After The Charge");
            Api api = merchant.api();
            HttpResult endpoint = api.call("PUT", "/api/webhook-endpoint",
                    "{\"url\":\"" + receiver.url("/hooks") + "\"}");
            assertEquals(200, endpoint.status(), endpoint::describe);

            HttpResult authorized = api.pay(Payments.card(Payments.SUCCESS, CVV, 1500).put("capture_method", "manual"));
            assertEquals(200, authorized.status(), authorized::describe);
            assertEquals("authorized", authorized.data().path("status").asText(), authorized::describe);
            assertEquals("Payment authorized; capture it to collect the funds", authorized.json().path("message").asText());
            String id = authorized.data().path("transaction_id").asText();
            String base = "/api/direct-payment/" + id;

            HttpResult captured = api.post(base + "/capture", "{\"amount\": 1200}", Map.of("Idempotency-Key", id + "-c"));
            assertEquals(200, captured.status(), captured::describe);
            assertEquals("completed", captured.data().path("status").asText(), captured::describe);
            assertEquals(1200, captured.data().path("amount_captured").asLong(), captured::describe);

            HttpResult part = api.post(base + "/refunds", "{\"amount\": 200, \"reason\": \"requested_by_customer\"}",
                    Map.of("Idempotency-Key", id + "-r1"));
            assertEquals(200, part.status(), part::describe);
            assertEquals("succeeded", part.data().path("status").asText(), part::describe);
            HttpResult rest = api.post(base + "/refunds", "", Map.of("Idempotency-Key", id + "-r2"));
            assertEquals(200, rest.status(), rest::describe);
            assertEquals(1000, rest.data().path("amount").asLong(), "the default is what is left: " + rest.describe());
            HttpResult more = api.post(base + "/refunds", "{\"amount\": 50}", Map.of("Idempotency-Key", id + "-r3"));
            ApiAssertions.assertError(more, 400, "invalid_amount", "invalid_request_error", null, "amount");

            HttpResult status = api.status(id);
            assertEquals("refunded", status.data().path("status").asText(), status::describe);
            assertEquals(1200, status.data().path("amount_refunded").asLong(), status::describe);
            assertEquals(2, status.data().path("refunds_count").asInt(), status::describe);
            JsonNode listed = api.get(base + "/refunds").data().path("refunds");
            assertEquals(List.of(200L, 1000L), amounts(listed));

            List<WebhookReceiver.Received> deliveries = receiver.awaitReceived(4, Duration.ofSeconds(20));
            List<String> types = new ArrayList<>();
            deliveries.forEach(d -> types.add(Json.parse(d.body(), d::toString).path("type").asText()));
            assertEquals(List.of("payment.authorized", "payment.succeeded", "refund.succeeded", "refund.succeeded"),
                    types.stream().sorted((a, b) -> order(a) - order(b)).toList(), types.toString());
            deliveries.forEach(d -> assertTrue(d.header("webhook-signature") != null, d.toString()));
            assertEquals(List.of(), contractProblems);
        }
    }

    private static int order(String type) {
        return List.of("payment.authorized", "payment.succeeded", "refund.succeeded").indexOf(type);
    }

    private static List<Long> amounts(JsonNode refunds) {
        List<Long> amounts = new ArrayList<>();
        refunds.forEach(refund -> amounts.add(refund.path("amount").asLong()));
        return amounts;
    }
}
