package com.circoflows.localrunner.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.session.CheckoutState;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.Eventually;
import com.circoflows.localrunner.e2e.HttpResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The reference's session errors over real HTTP: cancel after completion 409, an expired session 410,
 * unknown 404, another merchant's session 404 exactly like an unknown one; cancel is idempotent; bad
 * requests name their field.
 */
@EndToEnd
class HostedPaymentErrorsIT {
    private static final String UNKNOWN = "sess_000000000000000000000000";

    private final E2e e2e;
    private final Api api;

    HostedPaymentErrorsIT(E2e e2e) {
        this.e2e = e2e;
        this.api = e2e.newMerchant("Hosted Errors Merchant").api();
    }

    @Test
    void cancelAfterCompletionIs409SessionAlreadyCompleted() {
        String sessionId = SessionsE2e.createSession(api, SessionsE2e.minimalRequest());
        assertInstanceOf(CheckoutState.Paid.class,
                SessionsE2e.checkout(e2e).pay(sessionId, SessionsE2e.form("4242424242424242", "732")));

        HttpResult refused = SessionsE2e.cancel(api, sessionId);

        assertError(refused, 409, "session_already_completed");
        assertEquals("completed", SessionsE2e.status(api, sessionId).data().path("status").asText());
    }

    @Test
    void sessionPastItsExpiresAtIsExpiredAndCancelIs410() {
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = SessionsE2e.minimalRequest().put("expires_at", expiresAt.toString());
        String sessionId = SessionsE2e.createSession(api, body);

        HttpResult status = Eventually.until("the session shown expired once its expires_at has passed",
                Duration.ofSeconds(15), () -> SessionsE2e.status(api, sessionId),
                shown -> "expired".equals(shown.data().path("status").asText()));
        HttpResult refused = SessionsE2e.cancel(api, sessionId);
        CheckoutState customer = SessionsE2e.checkout(e2e).pay(sessionId, SessionsE2e.form("4242424242424242", "733"));

        assertEquals(200, status.status(), status::describe);
        assertEquals("expired", status.data().path("status").asText(), status::describe);
        assertError(refused, 410, "session_expired");
        assertInstanceOf(CheckoutState.Closed.class, customer, "nothing can be paid any more");
    }

    @Test
    void unknownSessionIs404OnGetAndCancel() {
        assertError(SessionsE2e.status(api, UNKNOWN), 404, "session_not_found");
        assertError(SessionsE2e.cancel(api, UNKNOWN), 404, "session_not_found");
        assertError(SessionsE2e.status(api, "not-a-session-id"), 404, "session_not_found");
    }

    @Test
    void anotherMerchantsSessionIs404OnGetAndCancelExactlyLikeAnUnknownOne() {
        Api owner = e2e.newMerchant("Hosted Owner Merchant").api();
        String theirs = SessionsE2e.createSession(owner, SessionsE2e.minimalRequest());

        HttpResult get = SessionsE2e.status(api, theirs);
        HttpResult cancel = SessionsE2e.cancel(api, theirs);

        assertError(get, 404, "session_not_found");
        assertError(cancel, 404, "session_not_found");
        assertEquals(SessionsE2e.status(api, UNKNOWN).body(), get.body());
        assertEquals(SessionsE2e.cancel(api, UNKNOWN).body(), cancel.body());
        assertFalse(get.body().contains(theirs) || cancel.body().contains(theirs));
        assertEquals("pending", SessionsE2e.status(owner, theirs).data().path("status").asText(),
                "the other merchant's cancel changed nothing");
    }

    @Test
    void cancellingAPendingSessionTwiceAnswersTheSame200() {
        String sessionId = SessionsE2e.createSession(api, SessionsE2e.minimalRequest());

        HttpResult first = SessionsE2e.cancel(api, sessionId);
        HttpResult second = SessionsE2e.cancel(api, sessionId);

        assertEquals(200, first.status(), first::describe);
        assertEquals("Payment session cancelled successfully", first.json().path("message").asText());
        assertEquals("cancelled", first.data().path("status").asText());
        assertTrue(first.data().has("cancelled_at"), first::describe);
        assertEquals(200, second.status(), second::describe);
        assertEquals(first.body(), second.body());
        assertInstanceOf(CheckoutState.Closed.class,
                SessionsE2e.checkout(e2e).pay(sessionId, SessionsE2e.form("4242424242424242", "734")));
    }

    @Test
    void badRequestsNameTheirFieldWithTheReferenceCodes() {
        assertError(SessionsE2e.create(api, SessionsE2e.minimalRequest().put("amount", 10)), 400, "invalid_amount");
        assertError(SessionsE2e.create(api, SessionsE2e.minimalRequest().put("currency", "XXX")), 400,
                "invalid_currency");
        assertError(SessionsE2e.create(api, SessionsE2e.minimalRequest().put("webhook_url", "http://10.0.0.1/hook")),
                400, "invalid_webhook_url");
        assertError(SessionsE2e.create(api, SessionsE2e.minimalRequest()
                .put("return_url", "https://user:pw@shop.example/done")), 400, "invalid_return_url");
        JsonNode missing = assertError(SessionsE2e.create(api, (ObjectNode) SessionsE2e.minimalRequest()
                .without("description")), 400, "invalid_request");
        assertEquals("description", missing.path("param").asText());
        JsonNode past = assertError(SessionsE2e.create(api, SessionsE2e.minimalRequest()
                .put("expires_at", "2025-08-23T23:59:59Z")), 400, "invalid_request");
        assertEquals("expires_at", past.path("param").asText());
        JsonNode tooFar = assertError(SessionsE2e.create(api, SessionsE2e.minimalRequest()
                .put("expires_at", Instant.now().plus(Duration.ofDays(8)).truncatedTo(ChronoUnit.SECONDS).toString())),
                400, "invalid_request");
        assertEquals("expires_at", tooFar.path("param").asText());
    }

    @Test
    void pageOfAnUnknownSessionIsNotFound() {
        org.junit.jupiter.api.Assumptions.assumeFalse(SessionsE2e.paymentPageIsPlaceholder(),
                "PaymentPage is still its placeholder");

        HttpResult page = e2e.withAuthorization(null).get("/pay/" + UNKNOWN);

        assertEquals(404, page.status(), page::describe);
    }

    private static JsonNode assertError(HttpResult result, int status, String code) {
        assertEquals(status, result.status(), result::describe);
        JsonNode body = result.json();
        assertFalse(body.path("success").asBoolean(true), result::describe);
        assertEquals(code, body.path("error").path("code").asText(), result::describe);
        assertTrue(result.header("content-type").startsWith("application/json"), result::describe);
        return body.path("error");
    }
}
