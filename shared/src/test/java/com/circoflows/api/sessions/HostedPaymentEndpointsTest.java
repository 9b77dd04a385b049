package com.circoflows.api.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.NewPaymentSession;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.TransferCheckoutForm;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.Responses;
import com.circoflows.testing.SessionWorld;
import com.circoflows.testing.TestCardData;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostedPaymentEndpointsTest {
    private final SessionWorld world = new SessionWorld();
    private final CreateHostedPaymentEndpoint create = new CreateHostedPaymentEndpoint(
            new HostedPaymentRequestParser(new MerchantUrlPolicy(false,
                    host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")})),
            world.hostedPayments, new PublicUrls(Optional.of("https://pay.circoflows.test")));
    private final GetHostedPaymentEndpoint get = new GetHostedPaymentEndpoint(world.hostedPayments);
    private final CancelHostedPaymentEndpoint cancel = new CancelHostedPaymentEndpoint(world.hostedPayments);

    @Test
    void everySessionEndpointCountsAgainstThePaymentLimit() {
        for (MerchantEndpoint endpoint : List.of(create, get, cancel)) {
            assertEquals(RateLimitClass.PAYMENTS, endpoint.rateLimitClass());
        }
    }

    @Test
    void createAnswers200WithTheReferenceBodyAndAPaymentUrlOnThePublicBase() {
        ApiResponse response = call(create, ApiRequests.post("/api/hosted-payment",
                HostedPaymentRequestParserTest.REFERENCE_EXAMPLE).build(), SessionWorld.MERCHANT_A);

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = Responses.body(response);
        assertEquals(true, body.get("success"));
        assertEquals("Payment session created successfully", body.get("message"));
        Map<String, Object> data = Responses.data(response);
        String sessionId = (String) data.get("session_id");
        assertEquals(List.of("session_id", "payment_url", "amount", "currency", "description", "status", "expires_at",
                "created_at"), List.copyOf(data.keySet()), "the reference's fields, in its order");
        assertEquals("https://pay.circoflows.test/pay/" + sessionId, data.get("payment_url"));
        assertEquals(25000, data.get("amount"));
        assertEquals("USD", data.get("currency"));
        assertEquals("Premium Subscription - Annual Plan", data.get("description"));
        assertEquals("pending", data.get("status"));
        assertEquals("2026-11-24T23:59:59Z", data.get("expires_at"));
        assertEquals("2026-11-23T12:00:00Z", data.get("created_at"));
    }

    @Test
    void aSessionAwaitingABankTransferIsPendingWithThatPaymentsTransactionIdAndCannotBeCancelled() {
        PaymentSession session = world.session();
        String transferId = ((CheckoutState.AwaitingTransfer) world.checkout.payByBankTransfer(session.sessionId(),
                new TransferCheckoutForm(null))).payment().transactionId();

        Map<String, Object> data = Responses.data(call(get, getRequest(session.sessionId()), SessionWorld.MERCHANT_A));
        ApiResponse cancelled = call(cancel, ApiRequests.post("/api/hosted-payment/" + session.sessionId() + "/cancel",
                "").pathParam("session_id", session.sessionId()).build(), SessionWorld.MERCHANT_A);

        assertEquals("pending", data.get("status"));
        assertEquals(transferId, data.get("transaction_id"), "the merchant can follow the transfer");
        assertFalse(data.containsKey("completed_at"));
        assertEquals(409, cancelled.statusCode(), cancelled.body());
        assertTrue(cancelled.body().contains("session_payment_in_progress"), cancelled.body());
    }

    @Test
    void aChosenLocaleIsStoredAndShownByCreateAndGetWhileAutoAnswersAsTheReference() {
        ApiResponse created = call(create, ApiRequests.post("/api/hosted-payment",
                "{\"amount\": 2500, \"currency\": \"EUR\", \"description\": \"Kaffee\", \"locale\": \"de\"}")
                .build(), SessionWorld.MERCHANT_A);

        assertEquals(200, created.statusCode(), created.body());
        assertEquals("de", Responses.data(created).get("locale"));
        String sessionId = (String) Responses.data(created).get("session_id");
        assertEquals("de", Responses.data(call(get, getRequest(sessionId), SessionWorld.MERCHANT_A)).get("locale"));
        ApiResponse auto = call(create, ApiRequests.post("/api/hosted-payment",
                "{\"amount\": 2500, \"currency\": \"EUR\", \"description\": \"x\", \"locale\": \"auto\"}")
                .build(), SessionWorld.MERCHANT_A);
        assertFalse(Responses.data(auto).containsKey("locale"));
    }

    @Test
    void getShowsTheNameAndEmailTheCustomerTypedOnThePage() {
        PaymentSession session = world.hostedPayments.create(SessionWorld.MERCHANT_A, new NewPaymentSession(
                Money.of(25000, "USD"), "Premium Subscription", Map.of(), Map.of(), null, null, null));
        world.checkout.pay(session.sessionId(), SessionWorld.form(TestCards.DECLINED));

        Map<String, Object> afterDecline = Responses.data(call(get, getRequest(session.sessionId()), SessionWorld.MERCHANT_A));
        world.checkout.pay(session.sessionId(), new CheckoutForm(TestCardData.card(TestCards.SUCCESS), "Ana Lima",
                "ana@example.com"));
        Map<String, Object> afterPayment = Responses.data(call(get, getRequest(session.sessionId()), SessionWorld.MERCHANT_A));

        assertEquals("pending", afterDecline.get("status"));
        assertEquals(Map.of("name", "Jane Q. Smith", "email", "jane.q@example.com"), afterDecline.get("customer_info"));
        assertEquals("completed", afterPayment.get("status"));
        assertEquals(Map.of("name", "Ana Lima", "email", "ana@example.com"), afterPayment.get("customer_info"));
    }

    @Test
    void getShowsTheCompletedSessionWithItsTransactionAsTheReferenceDoes() {
        PaymentSession session = world.session();
        world.clock.advance(Duration.ofMinutes(4));
        world.checkout.pay(session.sessionId(), SessionWorld.form(TestCards.SUCCESS));

        ApiResponse response = call(get, getRequest(session.sessionId()), SessionWorld.MERCHANT_A);

        assertEquals(200, response.statusCode(), response.body());
        assertFalse(Responses.body(response).containsKey("message"), "the reference's status body has no message");
        Map<String, Object> data = Responses.data(response);
        assertEquals(session.sessionId(), data.get("session_id"));
        assertEquals("completed", data.get("status"));
        assertEquals(world.stored(session.sessionId()).transactionId(), data.get("transaction_id"));
        assertEquals(Map.of("name", "Jane Q. Smith", "email", "jane.q@example.com", "phone", "+1234567890"),
                data.get("customer_info"), "what the customer typed on the page wins over what was pre-filled");
        assertEquals(List.of("name", "email", "phone"),
                List.copyOf(((Map<?, ?>) data.get("customer_info")).keySet()), "the reference's order");
        assertEquals("2026-11-23T12:00:00Z", data.get("created_at"));
        assertEquals("2026-11-23T12:04:00Z", data.get("completed_at"));
        assertEquals("2026-11-24T12:00:00Z", data.get("expires_at"));
        assertFalse(data.containsKey("cancelled_at"));
    }

    @Test
    void getOfAPendingSessionWithoutCustomerInfoLeavesOutWhatDoesNotApply() {
        PaymentSession session = world.hostedPayments.create(SessionWorld.MERCHANT_A,
                new com.circoflows.domain.session.NewPaymentSession(com.circoflows.domain.money.Money.of(500, "EUR"),
                        "Tea", null, null, null, null, null));

        Map<String, Object> data = Responses.data(call(get, getRequest(session.sessionId()), SessionWorld.MERCHANT_A));

        assertEquals(List.of("session_id", "amount", "currency", "description", "status", "created_at", "expires_at"),
                List.copyOf(data.keySet()));
    }

    @Test
    void cancelAnswersTheReferenceBodyAndTheSameAgain() {
        PaymentSession session = world.session();

        ApiResponse first = call(cancel, cancelRequest(session.sessionId(), null), SessionWorld.MERCHANT_A);
        ApiResponse second = call(cancel, cancelRequest(session.sessionId(), "{}"), SessionWorld.MERCHANT_A);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals("Payment session cancelled successfully", Responses.body(first).get("message"));
        assertEquals(Map.of("session_id", session.sessionId(), "status", "cancelled", "cancelled_at",
                "2026-11-23T12:00:00Z"), Responses.data(first));
        assertEquals(first.body(), second.body());
    }

    @Test
    void cancelOutcomesHaveTheReferenceStatusesAndCodes() {
        PaymentSession paid = world.session();
        world.checkout.pay(paid.sessionId(), SessionWorld.form(TestCards.SUCCESS));
        PaymentSession expired = world.session();
        PaymentSession foreign = world.hostedPayments.create(SessionWorld.MERCHANT_B, SessionWorld.referenceRequest(null));
        world.clock.set(expired.expiresAt());

        assertError(call(cancel, cancelRequest(paid.sessionId(), null), SessionWorld.MERCHANT_A), 409,
                "session_already_completed");
        assertError(call(cancel, cancelRequest(expired.sessionId(), null), SessionWorld.MERCHANT_A), 410,
                "session_expired");
        assertError(call(cancel, cancelRequest(foreign.sessionId(), null), SessionWorld.MERCHANT_A), 404,
                "session_not_found");
        assertError(call(get, getRequest("sess_ABCDEFGHIJKLMNOPQRSTUVWX"), SessionWorld.MERCHANT_A), 404,
                "session_not_found");
    }

    @Test
    void anotherMerchantsSessionAnswersExactlyLikeAnUnknownOne() {
        PaymentSession foreign = world.hostedPayments.create(SessionWorld.MERCHANT_B, SessionWorld.referenceRequest(null));

        ApiResponse theirs = call(get, getRequest(foreign.sessionId()), SessionWorld.MERCHANT_A);
        ApiResponse unknown = call(get, getRequest("sess_ABCDEFGHIJKLMNOPQRSTUVWX"), SessionWorld.MERCHANT_A);

        assertEquals(unknown.statusCode(), theirs.statusCode());
        assertEquals(unknown.body(), theirs.body());
        assertFalse(theirs.body().contains(foreign.sessionId()));
    }

    @Test
    void cancelRefusesAnyBodyField() {
        PaymentSession session = world.session();

        ApiException e = assertThrows(ApiException.class, () -> cancel.handle(
                cancelRequest(session.sessionId(), "{\"reason\": \"customer asked\"}"), SessionWorld.MERCHANT_A));

        assertEquals("reason", e.param());
        assertTrue(world.stored(session.sessionId()).status().wireName().equals("pending"));
    }

    private static ApiRequest getRequest(String sessionId) {
        return ApiRequests.get("/api/hosted-payment/" + sessionId).pathParam("session_id", sessionId).build();
    }

    private static ApiRequest cancelRequest(String sessionId, String body) {
        return ApiRequests.post("/api/hosted-payment/" + sessionId + "/cancel", body)
                .pathParam("session_id", sessionId).build();
    }

    /** The endpoint's answer, errors rendered as the pipeline renders them. */
    private static ApiResponse call(MerchantEndpoint endpoint, ApiRequest request, AuthenticatedKey caller) {
        try {
            return endpoint.handle(request, caller);
        } catch (ApiException e) {
            return Envelope.error(e);
        }
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, Responses.error(response).get("code"));
    }
}
