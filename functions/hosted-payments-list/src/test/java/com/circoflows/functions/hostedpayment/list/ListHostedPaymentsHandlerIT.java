package com.circoflows.functions.hostedpayment.list;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.dynamodb.DynamoPaymentSessionRepository;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.HostedPaymentService;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionStatus;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ListHostedPaymentsHandler as Lambda runs it, fed events/hosted-payments-list/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ListHostedPaymentsHandlerIT {
    private static final String FUNCTION = "ListHostedPaymentsFunction";

    private static HandlerStack stack;
    private static ListHostedPaymentsHandler handler;
    private static DynamoPaymentSessionRepository sessions;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, ListHostedPaymentsHandler.class, ListHostedPaymentsHandler::new);
        sessions = DynamoPaymentSessionRepository.sessionsOnly(stack.localStack().dynamoDbClient(),
                stack.table("PaymentSessionsTable"));
    }

    @Test
    void firstPageEventShowsTheNewestTwoSessionsAndACursorToTheRest() {
        NewMerchant merchant = stack.merchants().newMerchant("Three Sessions Merchant");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(stack.sessions().createSession(merchant.apiKey()));
        }
        APIGatewayV2HTTPEvent event = event("hosted-payments-list/first-page.json");
        assertEquals(Map.of("limit", "2"), event.getQueryStringParameters());

        APIGatewayV2HTTPResponse first = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals("100", first.getHeaders().get("x-ratelimit-limit"));
        JsonNode data = json(first).get("data");
        List<String> newestFirst = newestFirst(created);
        assertEquals(newestFirst.subList(0, 2), ids(data), first.getBody());
        JsonNode shown = data.get("sessions").get(0);
        assertEquals("pending", shown.get("status").asText());
        assertEquals(25000, shown.get("amount").asLong());
        assertEquals("Jane Smith", shown.get("customer_info").get("name").asText(),
                "shown as GET /api/hosted-payment/{session_id} shows it: " + shown);
        assertTrue(shown.has("created_at") && shown.has("expires_at"), shown.toString());
        assertTrue(data.get("has_more").asBoolean());

        JsonNode rest = page(merchant, Map.of("limit", "2", "cursor", data.get("next_cursor").asText()));

        assertEquals(newestFirst.subList(2, 3), ids(rest));
        assertFalse(rest.get("has_more").asBoolean());
        assertTrue(rest.get("next_cursor").isNull());
    }

    @Test
    void statusShowsOnlySessionsOfThatStatusAsTheyAreNow() {
        NewMerchant merchant = stack.merchants().newMerchant("Session Status Merchant");
        String overdue = storePendingSessionPastItsExpiry(merchant);
        String pending = stack.sessions().createSession(merchant.apiKey());
        String cancelled = stack.sessions().createSession(merchant.apiKey());
        assertTrue(sessions.update(sessions.find(cancelled).orElseThrow().cancel(Instant.now())));
        String paid = stack.sessions().createSession(merchant.apiKey());
        CheckoutState outcome = stack.sessions().sessionCheckout().pay(paid, new CheckoutForm(
                CardDetails.validate("4242424242424242", "12", "2030", "123", Clock.systemUTC()), "Jane Smith",
                "jane@example.com"));
        assertInstanceOf(CheckoutState.Paid.class, outcome);

        assertEquals(List.of(pending), ids(page(merchant, Map.of("status", "pending"))));
        assertEquals(List.of(cancelled), ids(page(merchant, Map.of("status", "cancelled"))));
        JsonNode completed = page(merchant, Map.of("status", "completed"));
        assertEquals(List.of(paid), ids(completed));
        assertTrue(completed.get("sessions").get(0).has("transaction_id"), completed.toString());
        assertEquals(List.of(overdue), ids(page(merchant, Map.of("status", "expired"))),
                "pending past its expires_at is expired, stored or not");
        JsonNode all = page(merchant, Map.of());
        assertEquals(newestFirst(List.of(overdue, pending, cancelled, paid)), ids(all));
        assertEquals("expired", all.get("sessions").get(3).get("status").asText());
        assertEquals(SessionStatus.PENDING, sessions.find(overdue).orElseThrow().status(), "listing stores nothing");
    }

    @Test
    void pagingByStatusSkipsOtherSessionsAndShowsEachMatchOnce() {
        NewMerchant merchant = stack.merchants().newMerchant("Mostly Cancelled Merchant");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String session = stack.sessions().createSession(merchant.apiKey());
            if (i % 3 == 0) {
                kept.add(session);
            } else {
                assertTrue(sessions.update(sessions.find(session).orElseThrow().cancel(Instant.now())));
            }
        }

        List<String> walked = new ArrayList<>();
        JsonNode page = page(merchant, Map.of("status", "pending", "limit", "1"));
        walked.addAll(ids(page));
        int pages = 1;
        while (page.get("has_more").asBoolean()) {
            assertTrue(page.get("sessions").size() <= 1);
            page = page(merchant, Map.of("status", "pending", "limit", "1", "cursor", page.get("next_cursor").asText()));
            walked.addAll(ids(page));
            assertTrue(++pages < 20, "pages end");
        }

        assertEquals(newestFirst(kept), walked);
    }

    @Test
    void pagingShowsEverySessionOnceWhileSessionsArriveBetweenPages() {
        NewMerchant merchant = stack.merchants().newMerchant("Busy Sessions Merchant");
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            before.add(stack.sessions().createSession(merchant.apiKey()));
        }

        List<String> walked = new ArrayList<>();
        List<String> arrived = new ArrayList<>();
        JsonNode page = page(merchant, Map.of("limit", "2"));
        walked.addAll(ids(page));
        while (page.get("has_more").asBoolean()) {
            arrived.add(stack.sessions().createSession(merchant.apiKey()));
            page = page(merchant, Map.of("limit", "2", "cursor", page.get("next_cursor").asText()));
            walked.addAll(ids(page));
        }

        assertEquals(newestFirst(before), walked, "each older session once, in order, none of the newcomers");
        assertEquals(walked.size(), new LinkedHashSet<>(walked).size());
        List<String> everything = new ArrayList<>(before);
        everything.addAll(arrived);
        assertEquals(newestFirst(everything), ids(page(merchant, Map.of("limit", "100"))));
    }

    @Test
    void aMerchantSeesOnlyItsOwnSessionsAndCannotUseAnothersCursor() {
        NewMerchant mine = stack.merchants().newMerchant("Own Sessions Merchant");
        NewMerchant other = stack.merchants().newMerchant("Other Sessions Merchant");
        String own = stack.sessions().createSession(mine.apiKey());
        stack.sessions().createSession(other.apiKey());
        stack.sessions().createSession(other.apiKey());

        assertEquals(List.of(own), ids(page(mine, Map.of("limit", "100"))));
        assertEquals(List.of(own), ids(page(mine, Map.of("status", "pending"))));
        String othersCursor = page(other, Map.of("limit", "1")).get("next_cursor").asText();
        assertBadParam(invoke(withApiKey(query(Map.of("limit", "1", "cursor", othersCursor)), mine.apiKey())),
                "cursor");
    }

    @Test
    void badStatusEventNamesTheStatus() {
        APIGatewayV2HTTPEvent event = event("hosted-payments-list/bad-status.json");
        assertEquals("paid", event.getQueryStringParameters().get("status"));

        APIGatewayV2HTTPResponse response = invoke(event);

        assertBadParam(response, "status");
        assertTrue(json(response).get("error").get("message").asText().contains("cancelled"));
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        NewMerchant merchant = stack.merchants().newMerchant("Bad Session Filters Merchant");
        stack.sessions().createSession(merchant.apiKey());
        stack.sessions().createSession(merchant.apiKey());
        String unfiltered = page(merchant, Map.of("limit", "1")).get("next_cursor").asText();
        Map<Map<String, String>, String> cases = new HashMap<>();
        cases.put(Map.of("status", "PENDING"), "status");
        cases.put(Map.of("status", "canceled"), "status");
        cases.put(Map.of("status", ""), "status");
        cases.put(Map.of("limit", "0"), "limit");
        cases.put(Map.of("limit", "101"), "limit");
        cases.put(Map.of("cursor", "not-a-cursor"), "cursor");
        cases.put(Map.of("cursor", "eyJ2IjoxfQ"), "cursor");
        cases.put(Map.of("cursor", unfiltered, "status", "pending"), "cursor");
        cases.forEach((query, param) ->
                assertBadParam(invoke(withApiKey(query(query), merchant.apiKey())), param));
    }

    /** A session created two days ago that expired yesterday, never read since (so still stored pending). */
    private static String storePendingSessionPastItsExpiry(NewMerchant merchant) {
        Instant now = Instant.now();
        String sessionId = HostedPaymentService.newSessionId();
        sessions.insert(new PaymentSession(sessionId, merchant.merchantId(), Mode.TEST, 1000, "USD", "Old order",
                null, null, null, null, SessionStatus.PENDING, null, null, null, null,
                now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), null, null, 1));
        return sessionId;
    }

    /** The ids in the stored order the list promises: created_at, then session id, both descending. */
    private static List<String> newestFirst(List<String> sessionIds) {
        return sessionIds.stream().map(id -> stack.sessions().storedSession(id))
                .sorted(Comparator.comparing(PaymentSession::createdAt).thenComparing(PaymentSession::sessionId)
                        .reversed())
                .map(PaymentSession::sessionId).toList();
    }

    private static JsonNode page(NewMerchant merchant, Map<String, String> query) {
        APIGatewayV2HTTPResponse response = invoke(withApiKey(query(query), merchant.apiKey()));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response).get("data");
    }

    private static APIGatewayV2HTTPEvent query(Map<String, String> parameters) {
        return withQuery(event("hosted-payments-list/first-page.json"), parameters);
    }

    private static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.get("sessions").forEach(s -> ids.add(s.get("session_id").asText()));
        return ids;
    }

    private static void assertBadParam(APIGatewayV2HTTPResponse response, String param) {
        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals(param, error.get("param").asText(), response.getBody());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
