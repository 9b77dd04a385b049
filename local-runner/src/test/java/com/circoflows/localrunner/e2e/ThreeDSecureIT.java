package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.assertError;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertInvalidRequest;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertRecentTimestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 3-D Secure end to end: the 202, the customer's challenge page (cookie + CSRF token, as a browser
 * posts it), and the merchant's confirm-3ds, which is checked against what the customer really did.
 */
@EndToEnd
class ThreeDSecureIT {
    private final E2e e2e;
    private final Api demo;

    ThreeDSecureIT(E2e e2e) {
        this.e2e = e2e;
        this.demo = e2e.demo();
    }

    /** A 3DS payment of USD 25.99 by the demo merchant. */
    private Pending startPayment(String cvv) {
        return startPayment(Payments.card(Payments.THREE_D_SECURE, cvv, 2599));
    }

    private Pending startPayment(com.fasterxml.jackson.databind.node.ObjectNode body) {
        HttpResult created = demo.pay(body);
        assertEquals(202, created.status(), created::describe);
        JsonNode data = created.data();
        return new Pending(data.path("transaction_id").asText(), data.path("gateway_transaction_id").asText(),
                data.path("action_data").path("3ds_url").asText());
    }

    private record Pending(String id, String gatewayId, String url) {
    }

    @Test
    void authenticatedChallengeThenConfirmSuccessCompletesThePayment() {
        Pending payment = startPayment("508");

        ChallengePage page = ChallengePage.open(e2e, payment.url());
        String html = page.html().body();
        assertTrue(html.contains("Demo Merchant"), "the page names the merchant: " + html);
        assertTrue(html.contains("$25.99"), "the page shows the amount: " + html);
        assertFalse(html.contains(Payments.THREE_D_SECURE), "the page shows the card number");

        HttpResult answered = page.choose("authenticate");
        assertEquals(200, answered.status(), answered::describe);
        assertTrue(answered.body().contains("Authentication complete"), answered::describe);
        HttpResult between = demo.status(payment.id());
        assertEquals("pending", between.data().path("status").asText(), "waits for the merchant's confirm-3ds");
        assertEquals("authenticated", between.data().path("three_d_secure").asText(), between::describe);

        HttpResult confirmed = demo.confirm3ds(payment.id(), "success", payment.gatewayId());

        assertEquals(200, confirmed.status(), confirmed::describe);
        JsonNode body = confirmed.json();
        assertEquals(true, body.path("success").asBoolean(false), confirmed::describe);
        assertEquals("3D Secure authentication confirmed", body.path("message").asText(), confirmed::describe);
        assertEquals(payment.id(), body.path("data").path("transaction_id").asText(), confirmed::describe);
        assertEquals("completed", body.path("data").path("status").asText(), confirmed::describe);
        assertEquals(payment.gatewayId(), body.path("data").path("gateway_transaction_id").asText(),
                confirmed::describe);
        assertEquals(false, body.path("data").path("webhook_queued").asBoolean(true),
                "the demo merchant has no endpoint: " + confirmed.describe());

        HttpResult status = demo.status(payment.id());
        assertEquals("completed", status.data().path("status").asText(), status::describe);
        assertEquals("authenticated", status.data().path("three_d_secure").asText(), status::describe);
        assertRecentTimestamp(status.data().path("processed_at"), "processed_at");
    }

    @Test
    void whileTheChallengeIsOpenTheStatusShowsWhereTheCustomerTakesIt() {
        Pending payment = startPayment("583");

        HttpResult open = demo.status(payment.id());
        ChallengePage.open(e2e, payment.url()).choose("authenticate");
        HttpResult taken = demo.status(payment.id());

        assertEquals("pending", open.data().path("status").asText(), open::describe);
        assertEquals(true, open.data().path("requires_action").asBoolean(false), open::describe);
        assertEquals("3ds_authentication", open.data().path("action_type").asText(), open::describe);
        assertEquals(payment.url(), open.data().path("action_data").path("3ds_url").asText(),
                "the URL the payment's 202 gave: " + open.describe());
        assertEquals("pending", taken.data().path("status").asText(), taken::describe);
        assertFalse(taken.data().has("requires_action") || taken.data().has("action_data"),
                "nothing left for the customer to do: " + taken.describe());
    }

    @Test
    void confirmWithTheReferencesOwnBodyTransactionIdIncludedCompletesThePayment() {
        Pending payment = startPayment("584");
        ChallengePage.open(e2e, payment.url()).choose("authenticate");
        String path = "/api/direct-payment/" + payment.id() + "/confirm-3ds";

        HttpResult mismatched = demo.post(path, Json.object().put("transaction_id", "txn_000000000000000000000000")
                .put("status", "success").put("gateway_id", payment.gatewayId()));
        HttpResult confirmed = demo.post(path, Json.object().put("transaction_id", payment.id())
                .put("status", "success").put("gateway_id", payment.gatewayId()));

        assertInvalidRequest(mismatched, "transaction_id");
        assertEquals(200, confirmed.status(), confirmed::describe);
        assertEquals("completed", confirmed.data().path("status").asText(), confirmed::describe);
        assertEquals(payment.id(), confirmed.data().path("transaction_id").asText(), confirmed::describe);
    }

    @Test
    void confirmSuccessBeforeAnyChallengeIsRefusedAndTheTransactionStaysPending() {
        Pending payment = startPayment("364");

        HttpResult refused = demo.confirm3ds(payment.id(), "success", payment.gatewayId());

        assertError(refused, 409, "invalid_transaction_state", "invalid_request_error", null, null);
        HttpResult status = demo.status(payment.id());
        assertEquals("pending", status.data().path("status").asText(), status::describe);
        assertEquals("required", status.data().path("three_d_secure").asText(), status::describe);
    }

    @Test
    void confirmPendingBeforeTheChallengeAnswers202RequiresActionAgain() {
        Pending payment = startPayment("927");

        HttpResult stillPending = demo.confirm3ds(payment.id(), "pending", payment.gatewayId());

        assertEquals(202, stillPending.status(), stillPending::describe);
        JsonNode data = stillPending.data();
        assertEquals(true, stillPending.json().path("success").asBoolean(false), stillPending::describe);
        assertEquals(true, data.path("requires_action").asBoolean(false), stillPending::describe);
        assertEquals("3ds_authentication", data.path("action_type").asText(), stillPending::describe);
        assertEquals(payment.url(), data.path("action_data").path("3ds_url").asText(), stillPending::describe);
        assertEquals("pending", data.path("status").asText(), stillPending::describe);
    }

    @Test
    void failedChallengeMakesConfirmSuccessFailWith3dsAuthenticationFailedAndThePaymentFailed() {
        Pending payment = startPayment("672");

        HttpResult answered = ChallengePage.open(e2e, payment.url()).choose("fail");
        assertEquals(200, answered.status(), answered::describe);
        assertTrue(answered.body().contains("Authentication failed"), answered::describe);

        HttpResult refused = demo.confirm3ds(payment.id(), "success", payment.gatewayId());

        assertError(refused, 400, "3ds_authentication_failed", "card_error", "authentication_failed", null);
        HttpResult status = demo.status(payment.id());
        assertEquals("failed", status.data().path("status").asText(), status::describe);
        assertEquals("failed", status.data().path("three_d_secure").asText(), status::describe);
        assertEquals("3ds_authentication_failed", status.data().path("error").path("code").asText(),
                status::describe);
    }

    @Test
    void confirmWithAnotherGatewayIdIsRefusedOnGatewayIdAndChangesNothing() {
        Pending payment = startPayment("591");
        ChallengePage.open(e2e, payment.url()).choose("authenticate");
        Pending other = startPayment("592");
        assertNotEquals(payment.gatewayId(), other.gatewayId());

        HttpResult refused = demo.confirm3ds(payment.id(), "success", other.gatewayId());

        assertInvalidRequest(refused, "gateway_id");
        assertEquals("pending", demo.status(payment.id()).data().path("status").asText());
    }

    @Test
    void challengePostWithoutCookieOrTokenIs403AndRecordsNothing() {
        Pending payment = startPayment("853");
        ChallengePage page = ChallengePage.open(e2e, payment.url());
        String cookie = ChallengePage.COOKIE + "=" + page.nonce();
        String token = "csrf_token=" + ChallengePage.encode(page.csrfToken());

        Map<String, HttpResult> attempts = new LinkedHashMap<>();
        attempts.put("no cookie, no token", ChallengePage.post(e2e, payment.url(), "outcome=authenticate", null));
        attempts.put("token without cookie",
                ChallengePage.post(e2e, payment.url(), token + "&outcome=authenticate", null));
        attempts.put("cookie without token", ChallengePage.post(e2e, payment.url(), "outcome=authenticate", cookie));
        attempts.put("cookie with a forged token", ChallengePage.post(e2e, payment.url(),
                "csrf_token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&outcome=authenticate", cookie));
        attempts.put("another page's cookie", ChallengePage.post(e2e, payment.url(), token + "&outcome=authenticate",
                ChallengePage.COOKIE + "=" + ChallengePage.open(e2e, payment.url()).nonce()));
        ChallengePage otherTransaction = ChallengePage.open(e2e, startPayment("854").url());
        attempts.put("another transaction's cookie and token", ChallengePage.post(e2e, payment.url(),
                "csrf_token=" + ChallengePage.encode(otherTransaction.csrfToken()) + "&outcome=authenticate",
                ChallengePage.COOKIE + "=" + otherTransaction.nonce()));

        attempts.forEach((what, result) -> assertEquals(403, result.status(), what + ": " + result.describe()));
        HttpResult status = demo.status(payment.id());
        assertEquals("pending", status.data().path("status").asText(), status::describe);
        assertEquals("required", status.data().path("three_d_secure").asText(),
                "a refused post must record nothing: " + status.describe());
        assertError(demo.confirm3ds(payment.id(), "success", payment.gatewayId()), 409, "invalid_transaction_state",
                "invalid_request_error", null, null);
    }

    @Test
    void withReturnUrlTheChallengeAnswer303sToTheReturnUrlWithTransactionIdAndStatus() {
        String returnUrl = "https://shop.example.com/3ds-return?order=ORD-7";
        Pending payment = startPayment(Payments.card(Payments.THREE_D_SECURE, "746", 2599).put("return_url", returnUrl));

        HttpResult answered = ChallengePage.open(e2e, payment.url()).choose("authenticate");

        assertEquals(303, answered.status(), answered::describe);
        String location = answered.header("location");
        assertTrue(location != null && location.startsWith(returnUrl + "&"), "Location " + location);
        Map<String, String> query = query(URI.create(location));
        assertEquals("ORD-7", query.get("order"), location);
        assertEquals(payment.id(), query.get("transaction_id"), location);
        String status = demo.status(payment.id()).data().path("status").asText();
        assertEquals(status, query.get("status"), "status in the return URL matches the API: " + location);

        HttpResult confirmed = demo.confirm3ds(payment.id(), "success", payment.gatewayId());
        assertEquals(200, confirmed.status(), confirmed::describe);
        assertEquals("completed", confirmed.data().path("status").asText(), confirmed::describe);
    }

    @Test
    void challengePageOfAnUnknownTransactionIs404() {
        HttpResult missing = ChallengePage.get(e2e, e2e.baseUrl() + "/pay/3ds/txn_000000000000000000000000");

        assertEquals(404, missing.status(), missing::describe);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
