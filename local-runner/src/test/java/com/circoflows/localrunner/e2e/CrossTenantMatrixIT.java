package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.localstack.HttpRoute;
import com.circoflows.localstack.TableDefinition;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenant isolation proof: merchant A owns a transaction and a refund of it, a 3-D Secure payment, a hosted session,
 * webhook events, a webhook endpoint, API keys and a held bank credit; then every /api route template.yaml defines is
 * called on A's objects by merchant B's key, with no key, a malformed key and A's own revoked key.
 * B gets exactly what an id that never existed gets (404), the others 401, nobody gets a byte of A's
 * data, and every item A owns in every table is unchanged afterwards. A also holds a live key (as
 * {@code bin/admin create-key --mode live} issues it): every route called with it on A's test-mode
 * objects answers as for an id that never existed, shows none of them, and changes none of A's
 * test-mode data. A route added to the template without a case here fails the test, so the proof
 * cannot go stale.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantMatrixIT {
    private static final String SESSION = "{\"amount\":2500,\"currency\":\"USD\",\"description\":\"Tenant order\"}";
    /** A's completed payment carries it: a search by it must find A's payment for A and nothing for anyone else. */
    private static final String ORDER_OF_A = "tenant-a-order-611";
    /** A's display name: no route shows it to anyone else, and PUT /api/branding by anyone else leaves it. */
    private static final String BRAND_OF_A = "Tenant A Brand 7f3k";
    /** A's completed payment's customer: a search by that email must find it for A only. */
    private static final String CUSTOMER_OF_A = "Customer.Of.A@tenant-a.example";

    private final E2e e2e;
    private String gatewayIdOfA;
    private String completedTransactionOfA;
    /** A's second hosted session, cancelled: A's session list has two pages of one. */
    private String secondSessionOfA;
    /** A's held bank credit, and the bank transfer it names. */
    private HeldBankCredits.Held heldCreditOfA;
    private WebhookReceiver webhookReceiver;
    private E2e.TestMerchant merchantA;
    private Api merchantB;
    private String revokedKeyOfA;
    private Api liveKeyOfA;
    /** Path parameter name -> the id of A's object it names. */
    private final Map<String, String> objectsOfA = new LinkedHashMap<>();
    /** Every identifier of A's a response must never contain. */
    private final List<String> secretsOfA = new ArrayList<>();

    CrossTenantMatrixIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void merchantAOwnsOneOfEverything() {
        webhookReceiver = WebhookReceiver.start().answer(Answering.always(204));
        merchantA = e2e.newMerchant("Tenant A");
        merchantB = e2e.newMerchant("Tenant B").api();
        liveKeyOfA = e2e.api(e2e.issueKey(merchantA.merchantId(), Mode.LIVE));
        Api a = merchantA.api();
        String webhookUrl = webhookReceiver.url("/tenant-a");
        HttpResult endpoint = a.call("PUT", "/api/webhook-endpoint", "{\"url\":\"" + webhookUrl + "\"}");
        assertEquals(200, endpoint.status(), endpoint::describe);
        HttpResult branding = a.call("PUT", "/api/branding", "{\"display_name\":\"" + BRAND_OF_A
                + "\",\"brand_color\":\"#0b5e3b\"}");
        assertEquals(200, branding.status(), branding::describe);
        secretsOfA.add(BRAND_OF_A);

        ObjectNode completedBody = Payments.card(Payments.SUCCESS, "611");
        completedBody.putObject("metadata").put("order_id", ORDER_OF_A);
        completedBody.putObject("customer_info").put("email", CUSTOMER_OF_A);
        HttpResult completed = a.pay(completedBody);
        assertEquals(200, completed.status(), completed::describe);
        HttpResult refund = a.post("/api/direct-payment/" + completed.data().path("transaction_id").asText()
                + "/refunds", "{\"amount\":100}");
        assertEquals(200, refund.status(), refund::describe);
        secretsOfA.add(refund.data().path("refund_id").asText());
        HttpResult pending = a.pay(Payments.card(Payments.THREE_D_SECURE, "612"));
        assertEquals(202, pending.status(), pending::describe);
        HttpResult session = a.post("/api/hosted-payment", SESSION);
        assertEquals(200, session.status(), session::describe);
        String sessionId = session.data().path("session_id").asText();
        HttpResult cancelledSession = a.post("/api/hosted-payment", SESSION);
        assertEquals(200, cancelledSession.status(), cancelledSession::describe);
        secondSessionOfA = cancelledSession.data().path("session_id").asText();
        HttpResult cancel = a.post("/api/hosted-payment/" + secondSessionOfA + "/cancel", "");
        assertEquals(200, cancel.status(), cancel::describe);
        secretsOfA.add(secondSessionOfA);
        gatewayIdOfA = pending.data().path("gateway_transaction_id").asText();
        completedTransactionOfA = completed.data().path("transaction_id").asText();
        HttpResult events = a.get("/api/webhook-events?limit=10");
        assertEquals(200, events.status(), events::describe);
        String eventId = events.data().path("events").path(0).path("event_id").asText();
        assertFalse(eventId.isEmpty(), events::describe);
        events.data().path("events").forEach(event -> secretsOfA.add(event.path("event_id").asText()));

        heldCreditOfA = HeldBankCredits.heldCreditOf(a, answer -> { });
        secretsOfA.add(heldCreditOfA.transactionId());

        objectsOfA.put("transaction_id", pending.data().path("transaction_id").asText());
        objectsOfA.put("session_id", sessionId);
        objectsOfA.put("event_id", eventId);
        objectsOfA.put("credit_id", heldCreditOfA.creditId());
        revokedKeyOfA = ApiKeysE2e.issueAndRevoke(merchantA);
        objectsOfA.put("key_id", ApiKeysE2e.publicKeyId(merchantA.apiKey()));

        secretsOfA.addAll(objectsOfA.values());
        secretsOfA.add(completed.data().path("transaction_id").asText());
        secretsOfA.add(pending.data().path("gateway_transaction_id").asText());
        secretsOfA.add(completed.data().path("gateway_transaction_id").asText());
        secretsOfA.add(merchantA.merchantId());
        secretsOfA.add(CUSTOMER_OF_A.toLowerCase(java.util.Locale.ROOT));
        secretsOfA.add(CUSTOMER_OF_A);
        secretsOfA.add(webhookUrl);
        secretsOfA.add(merchantA.webhookSecret());
        secretsOfA.add(ApiKeysE2e.lookupId(merchantA.apiKey()));
        secretsOfA.add(ApiKeysE2e.lookupId(revokedKeyOfA));
        secretsOfA.removeIf(String::isEmpty);
    }

    @AfterAll
    void stopReceiver() {
        if (webhookReceiver != null) {
            webhookReceiver.close();
        }
    }

    @Test
    void everyRouteRefusesOtherMerchantsNoKeyMalformedAndRevokedKeysAndChangesNothingOfA() {
        Map<String, Map<String, AttributeValue>> before = settledItemsOf(merchantA.merchantId());
        Map<String, Api> strangers = new LinkedHashMap<>();
        strangers.put("no key", e2e.withAuthorization(null));
        strangers.put("malformed key", e2e.withAuthorization("Bearer cf_test_" + RandomIds.base62(12) + "!"));
        strangers.put("A's revoked key", e2e.api(revokedKeyOfA));
        int calls = 0;

        for (HttpRoute route : apiRoutes()) {
            String path = pathOnObjectsOfA(route);
            String body = bodyFor(route);
            for (Map.Entry<String, Api> stranger : strangers.entrySet()) {
                HttpResult refused = stranger.getValue().call(route.method(), path, body);
                String what = stranger.getKey() + " on " + route.method() + " " + route.path();
                ApiAssertions.assertError(refused, 401, "authentication_failed", "authentication_error", null, null);
                assertNoDataOfA(refused, what);
                calls++;
            }
            HttpResult byB = merchantB.call(route.method(), path, body);
            assertNoDataOfA(byB, "merchant B on " + route.method() + " " + route.path());
            if (!TemplateRoutes.parameters(route).isEmpty()) {
                HttpResult unknown = merchantB.call(route.method(), pathOnUnknownObjects(route), body);
                assertEquals(404, byB.status(), byB::describe);
                assertEquals(unknown.body(), byB.body(),
                        "A's object answers B exactly as an id that never existed: " + route.path());
            } else {
                assertTrue(byB.status() < 500, byB::describe);
            }
            calls += 2;
        }

        System.out.println("e2e: tenant matrix made " + calls + " calls on " + apiRoutes().size() + " /api routes");
        assertEquals(before, settledItemsOf(merchantA.merchantId()), "nothing of merchant A changed");
    }

    /**
     * The same merchant's live key: its test-mode objects are another mode's, so every route answers
     * exactly as for an id that never existed, no list shows them, and nothing of its test mode changes
     * (its live key may create live keys of its own, which the comparison leaves out).
     */
    @Test
    void everyRouteCalledWithAsOwnLiveKeyFindsNoneOfItsTestObjectsAndChangesNoneOfItsTestData() {
        Map<String, Map<String, AttributeValue>> before = testModeItems(settledItemsOf(merchantA.merchantId()));
        List<String> testDataOfA = new ArrayList<>(secretsOfA);
        testDataOfA.remove(merchantA.merchantId()); // the live key's own merchant, as GET /api/health shows it
        testDataOfA.remove(BRAND_OF_A); // one branding per merchant, for both modes: GET /api/branding shows it
        int calls = 0;

        for (HttpRoute route : apiRoutes()) {
            String what = "A's live key on " + route.method() + " " + route.path();
            HttpResult live = liveKeyOfA.call(route.method(), pathOnObjectsOfA(route), bodyFor(route));
            for (String testData : testDataOfA) {
                assertFalse(live.body().contains(testData), () -> what + " revealed " + testData + ": "
                        + live.describe());
            }
            if (!TemplateRoutes.parameters(route).isEmpty()) {
                HttpResult unknown = liveKeyOfA.call(route.method(), pathOnUnknownObjects(route), bodyFor(route));
                // Test mode's stand-ins refuse a live key before reading anything (403 test_mode_only), for
                // an id that exists as for one that never did.
                assertEquals(route.path().startsWith("/api/test/") ? 403 : 404, live.status(), live::describe);
                assertEquals(unknown.body(), live.body(), what + " answers as for an id that never existed");
                calls++;
            } else {
                assertTrue(live.status() < 500, live::describe);
            }
            calls++;
        }
        HttpResult liveEvents = liveKeyOfA.get("/api/webhook-events?limit=100");
        assertEquals(200, liveEvents.status(), liveEvents::describe);
        assertEquals(0, liveEvents.data().path("events").size(), "no test-mode event: " + liveEvents.describe());

        System.out.println("e2e: tenant matrix made " + calls + " calls with a live key across modes");
        assertEquals(before, testModeItems(settledItemsOf(merchantA.merchantId())),
                "nothing of merchant A's test mode changed");
    }

    /**
     * GET /api/direct-payment, unfiltered and with every filter aimed at A's payments (its status,
     * created range, session id, metadata pair, card's last four digits and customer email): A finds its
     * payment; merchant B and A's own live key list nothing of A's, whatever they ask for.
     */
    @Test
    void listsAndSearchesByAnotherMerchantOrModeShowNoneOfAsTransactions() {
        HttpResult own = merchantA.api().get("/api/direct-payment?metadata%5Border_id%5D=" + ORDER_OF_A);
        assertEquals(200, own.status(), own::describe);
        assertEquals(completedTransactionOfA, own.data().path("transactions").path(0).path("transaction_id").asText(),
                own::describe);
        HttpResult ownCustomer = merchantA.api().get("/api/direct-payment?customer_email="
                + CUSTOMER_OF_A.toLowerCase(java.util.Locale.ROOT));
        assertEquals(List.of(completedTransactionOfA), transactionIds(ownCustomer), ownCustomer::describe);
        HttpResult ownCard = merchantA.api().get("/api/direct-payment?card_last4=4242");
        assertEquals(List.of(completedTransactionOfA), transactionIds(ownCard), ownCard::describe);
        Map<String, Api> others = new LinkedHashMap<>();
        others.put("merchant B", merchantB);
        others.put("A's live key", liveKeyOfA);
        for (String query : List.of("limit=100", "status=completed", "status=pending", "created_from=2000-01-01",
                "status=completed&created_from=2000-01-01&created_to=2100-01-01", "payment_method=card",
                "session_id=" + objectsOfA.get("session_id"), "metadata%5Border_id%5D=" + ORDER_OF_A,
                "metadata%5Border_id%5D=" + ORDER_OF_A + "&status=completed", "card_last4=4242",
                "card_last4=4242&status=completed", "card_last4=3220", "customer_email=" + CUSTOMER_OF_A,
                "customer_email=" + CUSTOMER_OF_A.toLowerCase(java.util.Locale.ROOT) + "&created_from=2000-01-01")) {
            for (Map.Entry<String, Api> other : others.entrySet()) {
                HttpResult listed = other.getValue().get("/api/direct-payment?" + query);
                String what = other.getKey() + " listing ?" + query;
                assertEquals(200, listed.status(), () -> what + ": " + listed.describe());
                assertEquals(0, listed.data().path("transactions").size(), () -> what + ": " + listed.describe());
                assertNoDataOfA(listed, what);
            }
        }
        String cursorOfA = merchantA.api().get("/api/direct-payment?limit=1").data().path("next_cursor").asText();
        assertFalse(cursorOfA.isEmpty(), "A has two payments");
        for (Map.Entry<String, Api> other : others.entrySet()) {
            HttpResult replayed = other.getValue().get("/api/direct-payment?limit=1&cursor=" + cursorOfA);
            ApiAssertions.assertError(replayed, 400, "invalid_request", "invalid_request_error", null, "cursor");
        }
    }

    /**
     * GET /api/hosted-payment, unfiltered and by each status: A sees its two sessions; merchant B and
     * A's own live key list nothing of A's, and A's cursor is a 400 in their hands.
     */
    @Test
    void sessionListsOfAnotherMerchantOrModeShowNoneOfAsSessions() {
        HttpResult own = merchantA.api().get("/api/hosted-payment?limit=100");
        assertEquals(200, own.status(), own::describe);
        List<String> listed = new ArrayList<>();
        own.data().path("sessions").forEach(session -> listed.add(session.path("session_id").asText()));
        assertEquals(List.of(secondSessionOfA, objectsOfA.get("session_id")), listed, own::describe);
        Map<String, Api> others = new LinkedHashMap<>();
        others.put("merchant B", merchantB);
        others.put("A's live key", liveKeyOfA);
        for (String query : List.of("limit=100", "status=pending", "status=cancelled", "status=completed",
                "status=expired")) {
            for (Map.Entry<String, Api> other : others.entrySet()) {
                HttpResult sessions = other.getValue().get("/api/hosted-payment?" + query);
                String what = other.getKey() + " listing sessions ?" + query;
                assertEquals(200, sessions.status(), () -> what + ": " + sessions.describe());
                assertEquals(0, sessions.data().path("sessions").size(), () -> what + ": " + sessions.describe());
                assertNoDataOfA(sessions, what);
            }
        }
        String cursorOfA = merchantA.api().get("/api/hosted-payment?limit=1").data().path("next_cursor").asText();
        assertFalse(cursorOfA.isEmpty(), "A has two sessions");
        for (Map.Entry<String, Api> other : others.entrySet()) {
            HttpResult replayed = other.getValue().get("/api/hosted-payment?limit=1&cursor=" + cursorOfA);
            ApiAssertions.assertError(replayed, 400, "invalid_request", "invalid_request_error", null, "cursor");
        }
    }

    /**
     * GET /api/webhook-events?transaction_id= on A's payment: A sees its events; merchant B and A's own
     * live key get exactly what an unknown transaction id gets (an empty list), so the list does not
     * tell them the id exists; A's cursor of that list is refused to both.
     */
    @Test
    void eventsOfAsTransactionListNothingForAnotherMerchantOrModeExactlyAsAnUnknownId() {
        String query = "/api/webhook-events?limit=1&transaction_id=";
        HttpResult own = merchantA.api().get(query + completedTransactionOfA);
        assertEquals(200, own.status(), own::describe);
        assertEquals(completedTransactionOfA, own.data().path("events").path(0).path("transaction_id").asText(),
                own::describe);
        String cursorOfA = own.data().path("next_cursor").asText();
        assertFalse(cursorOfA.isEmpty(), "A's payment has its payment and refund events: " + own.describe());
        Map<String, Api> others = new LinkedHashMap<>();
        others.put("merchant B", merchantB);
        others.put("A's live key", liveKeyOfA);
        for (Map.Entry<String, Api> other : others.entrySet()) {
            for (String transactionId : List.of(completedTransactionOfA, objectsOfA.get("transaction_id"))) {
                HttpResult listed = other.getValue().get(query + transactionId);
                HttpResult unknown = other.getValue().get(query + "txn_" + RandomIds.base62(24));
                String what = other.getKey() + " listing the events of " + transactionId;
                assertEquals(200, listed.status(), () -> what + ": " + listed.describe());
                assertEquals(unknown.body(), listed.body(), what + " answers as for an unknown id");
                assertEquals(0, listed.data().path("events").size(), () -> what + ": " + listed.describe());
                assertNoDataOfA(listed, what);
            }
            HttpResult replayed = other.getValue().get(query + completedTransactionOfA + "&cursor=" + cursorOfA);
            ApiAssertions.assertError(replayed, 400, "invalid_request", "invalid_request_error", null, "cursor");
        }
    }

    /**
     * GET /api/bank-credits: A sees its held credit; merchant B and A's own live key list none of A's
     * credits (held or not, whatever they ask for), and A's cursor of that list is a 400 in their hands.
     */
    @Test
    void heldCreditListsOfAnotherMerchantOrModeShowNoneOfAsCredits() {
        HttpResult own = merchantA.api().get("/api/bank-credits?status=held&limit=100");
        assertEquals(200, own.status(), own::describe);
        List<String> ownCredits = new ArrayList<>();
        own.data().path("credits").forEach(credit -> ownCredits.add(credit.path("credit_id").asText()));
        assertEquals(List.of(heldCreditOfA.creditId()), ownCredits, own::describe);
        Map<String, Api> others = new LinkedHashMap<>();
        others.put("merchant B", merchantB);
        others.put("A's live key", liveKeyOfA);
        for (String query : List.of("", "?status=held", "?limit=100", "?status=held&limit=1")) {
            for (Map.Entry<String, Api> other : others.entrySet()) {
                HttpResult credits = other.getValue().get("/api/bank-credits" + query);
                String what = other.getKey() + " listing held credits " + query;
                assertEquals(200, credits.status(), () -> what + ": " + credits.describe());
                assertEquals(0, credits.data().path("credits").size(), () -> what + ": " + credits.describe());
                assertNoDataOfA(credits, what);
            }
        }
        String cursorOfA = merchantA.api().get("/api/bank-credits?limit=1").data().path("next_cursor").asText();
        assertFalse(cursorOfA.isEmpty(), "a page as long as its limit has a next_cursor");
        for (Map.Entry<String, Api> other : others.entrySet()) {
            HttpResult replayed = other.getValue().get("/api/bank-credits?limit=1&cursor=" + cursorOfA);
            ApiAssertions.assertError(replayed, 400, "invalid_request", "invalid_request_error", null, "cursor");
        }
    }

    private static List<String> transactionIds(HttpResult listed) {
        List<String> ids = new ArrayList<>();
        listed.data().path("transactions").forEach(t -> ids.add(t.path("transaction_id").asText()));
        return ids;
    }

    /** Items of either mode, less those of live mode (a live key's own keys and their last use). */
    private static Map<String, Map<String, AttributeValue>> testModeItems(
            Map<String, Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> testMode = new TreeMap<>(items);
        testMode.values().removeIf(item -> item.containsKey("mode") && "live".equals(item.get("mode").s()));
        return testMode;
    }

    @Test
    void aStillReadsItsOwnObjectsAfterwards() {
        for (HttpRoute route : apiRoutes()) {
            if (route.method().equals("GET") && !TemplateRoutes.parameters(route).isEmpty()
                    && !route.path().contains("{key_id}")) {
                HttpResult own = merchantA.api().call("GET", pathOnObjectsOfA(route), null);
                assertEquals(200, own.status(), own::describe);
            }
        }
    }

    private List<HttpRoute> apiRoutes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (HttpRoute route : TemplateRoutes.all(e2e)) {
            if (!TemplateRoutes.isPage(route)) {
                assertTrue(route.path().startsWith("/api/"), "a route neither /api nor a page: " + route);
                routes.add(route);
            }
        }
        return routes;
    }

    private String pathOnObjectsOfA(HttpRoute route) {
        return TemplateRoutes.substitute(route, name -> {
            String id = objectsOfA.get(name);
            if (id == null) {
                fail(route.path() + " has a path parameter {" + name + "} this proof does not know: "
                        + "give merchant A an object of that kind in merchantAOwnsOneOfEverything");
            }
            return id;
        });
    }

    private static String pathOnUnknownObjects(HttpRoute route) {
        return TemplateRoutes.substitute(route, name -> {
            String prefix = switch (name) {
                case "transaction_id" -> "txn_";
                case "session_id" -> "sess_";
                case "event_id" -> "evt_";
                case "key_id" -> "key_";
                case "credit_id" -> "bcr_";
                default -> "";
            };
            return prefix + RandomIds.base62(name.equals("key_id") ? 16 : 24);
        });
    }

    /** A valid request body for the route, naming A's objects where it names any; null when it takes none. */
    private String bodyFor(HttpRoute route) {
        return switch (route.method() + " " + route.path()) {
            case "POST /api/direct-payment" -> Json.write(Payments.card(Payments.SUCCESS, "613"));
            case "POST /api/direct-payment/{transaction_id}/confirm-3ds" ->
                    "{\"status\":\"success\",\"gateway_id\":\"" + gatewayIdOfA + "\"}";
            case "POST /api/hosted-payment" -> SESSION;
            case "PUT /api/webhook-endpoint" -> "{\"url\":\"http://127.0.0.1:9/tenant-b\"}";
            case "POST /api/keys" -> "{}";
            // Sets nothing: answers with the caller's own branding (a live key of A's changes none of A's test data).
            case "PUT /api/branding" -> "{}";
            // Valid, and naming A's own bank transfer: only the credit's owner decides, so a stranger's is 404.
            case "POST /api/bank-credits/{credit_id}/assign" ->
                    "{\"transaction_id\":\"" + heldCreditOfA.transactionId() + "\"}";
            // A token for the caller itself: nothing of A's is named, so nothing of A's can show (live keys: 403).
            case "POST /api/test/wallet-tokens" ->
                    "{\"wallet\":\"google_pay\",\"card_number\":\"" + SentCardData.pan(Payments.SUCCESS) + "\"}";
            default -> route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
        };
    }

    private void assertNoDataOfA(HttpResult result, String what) {
        for (String secret : secretsOfA) {
            assertFalse(result.body().contains(secret), () -> what + " revealed " + secret + ": " + result.describe());
        }
    }

    /**
     * Every item of A's in every template table (by its merchant_id attribute), once each of A's
     * webhook events is delivered or failed (deliveries to A's endpoint finish in the background) and
     * two reads in a row agree.
     */
    private Map<String, Map<String, AttributeValue>> settledItemsOf(String merchantId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Map<String, AttributeValue>> previous = Map.of();
        while (System.nanoTime() < deadline) {
            Map<String, Map<String, AttributeValue>> current = itemsOf(merchantId);
            if (current.equals(previous) && webhookEventsSettled(current)) {
                assertFalse(current.isEmpty(), "merchant A owns items");
                return current;
            }
            previous = current;
            PollPause.pause(100);
        }
        throw new AssertionError("merchant A's items kept changing for 30 s: " + previous.keySet());
    }

    private static boolean webhookEventsSettled(Map<String, Map<String, AttributeValue>> items) {
        return items.entrySet().stream()
                .filter(item -> item.getKey().startsWith("WebhookEventsTable/"))
                .map(item -> item.getValue().get("delivery_status"))
                .allMatch(status -> status != null && List.of("delivered", "failed").contains(status.s()));
    }

    private Map<String, Map<String, AttributeValue>> itemsOf(String merchantId) {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        for (TableDefinition table : e2e.runner().stack().template().tables()) {
            String tableName = e2e.tableName(table.logicalId());
            e2e.dynamoDb().scanPaginator(scan -> scan.tableName(tableName).consistentRead(true)
                            .filterExpression("merchant_id = :m")
                            .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchantId))))
                    .items().forEach(item -> items.put(table.logicalId() + "/" + keyOf(item, table), item));
        }
        return items;
    }

    private static String keyOf(Map<String, AttributeValue> item, TableDefinition table) {
        AttributeValue range = table.rangeKey() == null ? null : item.get(table.rangeKey());
        return item.get(table.hashKey()) + (range == null ? "" : "/" + range);
    }
}
