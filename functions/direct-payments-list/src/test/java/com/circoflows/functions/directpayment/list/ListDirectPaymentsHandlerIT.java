package com.circoflows.functions.directpayment.list;

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
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
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

/** ListDirectPaymentsHandler as Lambda runs it, fed events/direct-payments-list/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ListDirectPaymentsHandlerIT {
    private static final String FUNCTION = "ListDirectPaymentsFunction";

    private static HandlerStack stack;
    private static ListDirectPaymentsHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, ListDirectPaymentsHandler.class, ListDirectPaymentsHandler::new);
    }

    @Test
    void firstPageEventShowsTheNewestTwoTransactionsAndACursorToTheRest() {
        NewMerchant merchant = stack.merchants().newMerchant("Three Listed Payments Merchant");
        String succeeded = pay(merchant, "success.json");
        String failed = pay(merchant, "declined.json");
        String pending = pay(merchant, "three-d-secure.json");
        APIGatewayV2HTTPEvent event = event("direct-payments-list/first-page.json");
        assertEquals(Map.of("limit", "2"), event.getQueryStringParameters());

        APIGatewayV2HTTPResponse first = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(200, first.getStatusCode(), first.getBody());
        JsonNode data = json(first).get("data");
        assertEquals(List.of(pending, failed), ids(data), first.getBody());
        JsonNode shownPending = data.get("transactions").get(0);
        assertEquals("pending", shownPending.get("status").asText());
        assertTrue(shownPending.path("action_data").has("3ds_url"), "shown as GET …/{id} shows it: " + shownPending);
        assertEquals("failed", data.get("transactions").get(1).get("status").asText());
        assertTrue(data.get("transactions").get(1).get("card").has("last4"));
        assertTrue(data.get("has_more").asBoolean());

        JsonNode rest = page(merchant, Map.of("limit", "2", "cursor", data.get("next_cursor").asText()));

        assertEquals(List.of(succeeded), ids(rest));
        assertFalse(rest.get("has_more").asBoolean());
        assertTrue(rest.get("next_cursor").isNull());
    }

    @Test
    void filteredEventShowsTheCompletedPaymentsOfThatOrder() {
        NewMerchant merchant = stack.merchants().newMerchant("Order Lookup Merchant");
        String completed = payWithMetadata(merchant, "success.json", Map.of("order_id", "ord_1001"));
        payWithMetadata(merchant, "declined.json", Map.of("order_id", "ord_1001"));
        payWithMetadata(merchant, "success.json", Map.of("order_id", "ord_1002"));
        APIGatewayV2HTTPEvent event = event("direct-payments-list/filtered.json");
        assertEquals("completed", event.getQueryStringParameters().get("status"));
        assertEquals("ord_1001", event.getQueryStringParameters().get("metadata[order_id]"));

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertEquals(List.of(completed), ids(data));
        assertEquals("ord_1001", data.get("transactions").get(0).get("metadata").get("order_id").asText());
        assertFalse(data.get("has_more").asBoolean());
    }

    @Test
    void pagingShowsEveryTransactionOnceWhilePaymentsArriveBetweenPages() {
        NewMerchant merchant = stack.merchants().newMerchant("Busy Listing Merchant");
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            before.add(pay(merchant, "success.json"));
        }

        List<String> walked = new ArrayList<>();
        List<String> arrived = new ArrayList<>();
        JsonNode page = page(merchant, Map.of("limit", "2"));
        walked.addAll(ids(page));
        while (page.get("has_more").asBoolean()) {
            arrived.add(pay(merchant, "success.json"));
            page = page(merchant, Map.of("limit", "2", "cursor", page.get("next_cursor").asText()));
            walked.addAll(ids(page));
        }

        assertEquals(newestFirst(before), walked, "each older payment once, in order, none of the newcomers");
        assertEquals(walked.size(), new LinkedHashSet<>(walked).size());
        List<String> everything = new ArrayList<>(before);
        everything.addAll(arrived);
        assertEquals(newestFirst(everything), ids(page(merchant, Map.of("limit", "100"))),
                "a fresh first page starts with the newcomers");
    }

    @Test
    void listingByStatusShowsOnlyThatStatusNewestFirst() {
        NewMerchant merchant = stack.merchants().newMerchant("Mixed Status Merchant");
        String firstFailure = pay(merchant, "declined.json");
        pay(merchant, "success.json");
        pay(merchant, "three-d-secure.json");
        String authorized = pay(merchant, "manual-capture.json");
        String secondFailure = pay(merchant, "declined.json");

        assertEquals(List.of(secondFailure, firstFailure), ids(page(merchant, Map.of("status", "failed"))));
        assertEquals(List.of(authorized), ids(page(merchant, Map.of("status", "authorized"))));
        assertEquals(List.of(), ids(page(merchant, Map.of("status", "refunded"))));
        JsonNode oneAtATime = page(merchant, Map.of("status", "failed", "limit", "1"));
        assertEquals(List.of(secondFailure), ids(oneAtATime));
        assertEquals(List.of(firstFailure), ids(page(merchant, Map.of("status", "failed", "limit", "1",
                "cursor", oneAtATime.get("next_cursor").asText()))));
    }

    @Test
    void aStatusChangeMovesTheTransactionToItsNewStatus() {
        NewMerchant merchant = stack.merchants().newMerchant("Refunding Merchant");
        String payment = pay(merchant, "success.json");
        APIGatewayV2HTTPResponse refund = stack.payments().refund(merchant.apiKey(), payment, "{\"amount\": 1000}");
        assertEquals(200, refund.getStatusCode(), refund.getBody());
        String status = stack.payments().storedTransaction(payment).status().wireName();

        assertEquals(List.of(payment), ids(page(merchant, Map.of("status", status))));
        assertEquals(List.of(), ids(page(merchant, Map.of("status", "completed"))), "no longer completed");
    }

    @Test
    void createdRangeIncludesItsStartAndExcludesItsEnd() {
        NewMerchant merchant = stack.merchants().newMerchant("Dated Payments Merchant");
        List<Transaction> paid = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            paid.add(stack.payments().storedTransaction(pay(merchant, i % 2 == 0 ? "success.json" : "declined.json")));
        }
        Instant from = paid.get(1).createdAt();
        Instant to = paid.get(3).createdAt();
        List<String> expected = newestFirst(paid.stream()
                .filter(t -> !t.createdAt().isBefore(from) && t.createdAt().isBefore(to))
                .map(Transaction::transactionId).toList());
        List<String> expectedFailed = newestFirst(paid.stream()
                .filter(t -> !t.createdAt().isBefore(from) && t.createdAt().isBefore(to))
                .filter(t -> t.status().wireName().equals("failed"))
                .map(Transaction::transactionId).toList());

        assertEquals(expected, ids(page(merchant, Map.of("created_from", from.toString(), "created_to", to.toString()))));
        assertTrue(expected.contains(paid.get(1).transactionId()), "created_from is inclusive");
        assertFalse(expected.contains(paid.get(3).transactionId()), "created_to is exclusive");
        assertEquals(expectedFailed, ids(page(merchant, Map.of("status", "failed", "created_from", from.toString(),
                "created_to", to.toString()))));
    }

    @Test
    void metadataFilterShowsOnlyPaymentsWithThatPair() {
        NewMerchant merchant = stack.merchants().newMerchant("Tagged Payments Merchant");
        String first = payWithMetadata(merchant, "success.json", Map.of("order_id", "A-1", "channel", "web"));
        payWithMetadata(merchant, "success.json", Map.of("order_id", "A-2", "channel", "web"));
        String declined = payWithMetadata(merchant, "declined.json", Map.of("order_id", "A-1"));
        String third = payWithMetadata(merchant, "success.json", Map.of("order_id", "A-1", "attempt", 3));

        assertEquals(List.of(third, declined, first), ids(page(merchant, Map.of("metadata[order_id]", "A-1"))));
        assertEquals(List.of(third), ids(page(merchant, Map.of("metadata[attempt]", "3"))), "numbers as text");
        assertEquals(List.of(declined), ids(page(merchant, Map.of("metadata[order_id]", "A-1", "status", "failed"))));
        assertEquals(List.of(), ids(page(merchant, Map.of("metadata[order_id]", "A-3"))));
        JsonNode firstPage = page(merchant, Map.of("metadata[order_id]", "A-1", "limit", "2"));
        assertEquals(List.of(third, declined), ids(firstPage));
        assertEquals(List.of(first), ids(page(merchant, Map.of("metadata[order_id]", "A-1", "limit", "2",
                "cursor", firstPage.get("next_cursor").asText()))));
    }

    @Test
    void sessionFilterShowsThePaymentMadeOnThatSessionOnly() {
        NewMerchant merchant = stack.merchants().newMerchant("Hosted Listing Merchant");
        String sessionId = stack.sessions().createSession(merchant.apiKey());
        String otherSession = stack.sessions().createSession(merchant.apiKey());
        pay(merchant, "success.json");
        CheckoutState paid = stack.sessions().sessionCheckout().pay(sessionId, new CheckoutForm(
                CardDetails.validate("4242424242424242", "12", "2030", "123", Clock.systemUTC()), "Jane Smith",
                "jane@example.com"));
        assertInstanceOf(CheckoutState.Paid.class, paid);

        JsonNode found = page(merchant, Map.of("session_id", sessionId));

        assertEquals(1, found.get("transactions").size(), found.toString());
        assertEquals(sessionId, found.get("transactions").get(0).get("session_id").asText());
        assertEquals(List.of(), ids(page(merchant, Map.of("session_id", otherSession))));
        assertEquals(1, page(merchant, Map.of("session_id", sessionId, "status", "completed"))
                .get("transactions").size());
        assertEquals(2, page(merchant, Map.of()).get("transactions").size(), "a session payment is listed too");
    }

    @Test
    void cardLast4AndCustomerEmailFindThatCardsAndThatCustomersPaymentsWhateverTheEmailsCase() {
        NewMerchant merchant = stack.merchants().newMerchant("Customer Lookup Merchant");
        String first = payAs(merchant, "success.json", "John.Doe@Example.com");
        String declined = payAs(merchant, "declined.json", "john.doe@example.com");
        String other = payAs(merchant, "success.json", "jane@example.com");
        String third = payAs(merchant, "success.json", "JOHN.DOE@EXAMPLE.COM");

        List<String> johns = newestFirst(List.of(first, declined, third));
        List<String> visas = newestFirst(List.of(first, other, third));
        assertEquals(johns, ids(page(merchant, Map.of("customer_email", "john.doe@example.com"))));
        assertEquals(johns, ids(page(merchant, Map.of("customer_email", "John.DOE@example.COM"))), "case-insensitive");
        assertEquals(visas, ids(page(merchant, Map.of("card_last4", "4242"))));
        assertEquals(List.of(declined), ids(page(merchant, Map.of("card_last4", "0002"))));
        assertEquals(List.of(declined), ids(page(merchant, Map.of("customer_email", "john.doe@example.com",
                "status", "failed"))));
        assertEquals(List.of(), ids(page(merchant, Map.of("card_last4", "1111"))));
        JsonNode firstPage = page(merchant, Map.of("card_last4", "4242", "limit", "2"));
        assertEquals(visas.subList(0, 2), ids(firstPage));
        assertEquals(visas.subList(2, 3), ids(page(merchant, Map.of("card_last4", "4242", "limit", "2",
                "cursor", firstPage.get("next_cursor").asText()))));
        JsonNode shown = page(merchant, Map.of("customer_email", "jane@example.com")).get("transactions").get(0);
        assertEquals("4242", shown.get("card").get("last4").asText());
        assertEquals("jane@example.com", shown.get("customer_info").get("email").asText());
    }

    @Test
    void anotherMerchantsCardOrCustomerIsNotFound() {
        NewMerchant mine = stack.merchants().newMerchant("Own Customers Merchant");
        NewMerchant other = stack.merchants().newMerchant("Other Customers Merchant");
        payAs(other, "success.json", "shared.customer@example.com");

        assertEquals(List.of(), ids(page(mine, Map.of("customer_email", "shared.customer@example.com"))));
        assertEquals(List.of(), ids(page(mine, Map.of("card_last4", "4242"))));
    }

    @Test
    void eachPaymentMethodFilterFindsOnlyItsOwnPayments() {
        NewMerchant merchant = stack.merchants().newMerchant("Every Method Merchant");
        String card = pay(merchant, "success.json");
        String googlePay = payWithWallet(merchant, Wallet.GOOGLE_PAY);
        String applePay = payWithWallet(merchant, Wallet.APPLE_PAY);

        assertEquals(List.of(card), ids(page(merchant, Map.of("payment_method", "card"))));
        assertEquals(List.of(googlePay), ids(page(merchant, Map.of("payment_method", "google_pay"))));
        assertEquals(List.of(applePay), ids(page(merchant, Map.of("payment_method", "apple_pay"))));
        JsonNode empty = page(merchant, Map.of("payment_method", "bank_transfer"));
        assertEquals(List.of(), ids(empty));
        assertFalse(empty.get("has_more").asBoolean());
    }

    @Test
    void aMerchantSeesOnlyItsOwnTransactionsAndCannotUseAnothersCursor() {
        NewMerchant mine = stack.merchants().newMerchant("Own Listing Merchant");
        NewMerchant other = stack.merchants().newMerchant("Other Listing Merchant");
        String own = payWithMetadata(mine, "success.json", Map.of("order_id", "SHARED-1"));
        payWithMetadata(other, "success.json", Map.of("order_id", "SHARED-1"));
        payWithMetadata(other, "success.json", Map.of("order_id", "SHARED-1"));

        assertEquals(List.of(own), ids(page(mine, Map.of("limit", "100"))));
        assertEquals(List.of(own), ids(page(mine, Map.of("metadata[order_id]", "SHARED-1"))));
        assertEquals(List.of(own), ids(page(mine, Map.of("status", "completed"))));
        String othersCursor = page(other, Map.of("limit", "1")).get("next_cursor").asText();
        assertBadParam(invoke(withApiKey(query(Map.of("limit", "1", "cursor", othersCursor)), mine.apiKey())),
                "cursor");
    }

    @Test
    void badStatusEventNamesTheStatus() {
        APIGatewayV2HTTPEvent event = event("direct-payments-list/bad-status.json");
        assertEquals("succeeded", event.getQueryStringParameters().get("status"));

        APIGatewayV2HTTPResponse response = invoke(event);

        assertBadParam(response, "status");
        assertTrue(json(response).get("error").get("message").asText().contains("partially_refunded"));
    }

    @Test
    void everyBadFilterValueIsA400NamingItsParameter() {
        NewMerchant merchant = stack.merchants().newMerchant("Bad Filters Merchant");
        Map<Map<String, String>, String> cases = new HashMap<>();
        cases.put(Map.of("status", "COMPLETED"), "status");
        cases.put(Map.of("created_from", "yesterday"), "created_from");
        cases.put(Map.of("created_from", "2026-03-01T12:00:00"), "created_from");
        cases.put(Map.of("created_to", "2026-02-30"), "created_to");
        cases.put(Map.of("created_to", "+10000-01-01T00:00:00Z"), "created_to");
        cases.put(Map.of("created_from", "2026-03-02", "created_to", "2026-03-01"), "created_to");
        cases.put(Map.of("payment_method", "cash"), "payment_method");
        cases.put(Map.of("session_id", "sess_short"), "session_id");
        cases.put(Map.of("metadata[]", "x"), "metadata");
        cases.put(Map.of("metadata", "x"), "metadata");
        cases.put(Map.of("metadata[a]", "1", "metadata[b]", "2"), "metadata");
        cases.put(Map.of("metadata[k]", "x".repeat(501)), "metadata");
        cases.put(Map.of("metadata[order_id]", "A", "session_id", "sess_" + "a".repeat(24)), "metadata");
        cases.put(Map.of("card_last4", "424"), "card_last4");
        cases.put(Map.of("card_last4", "42424"), "card_last4");
        cases.put(Map.of("card_last4", "42a2"), "card_last4");
        cases.put(Map.of("card_last4", ""), "card_last4");
        cases.put(Map.of("card_last4", "４２４２"), "card_last4");
        cases.put(Map.of("customer_email", ""), "customer_email");
        cases.put(Map.of("customer_email", "john.example.com"), "customer_email");
        cases.put(Map.of("customer_email", "a@" + "b".repeat(251) + ".c"), "customer_email");
        cases.put(Map.of("card_last4", "4242", "customer_email", "a@b.example"), "customer_email");
        cases.put(Map.of("metadata[order_id]", "A", "card_last4", "4242"), "card_last4");
        cases.put(Map.of("session_id", "sess_" + "a".repeat(24), "customer_email", "a@b.example"), "customer_email");
        cases.put(Map.of("limit", "0"), "limit");
        cases.put(Map.of("cursor", "not-a-cursor"), "cursor");
        cases.put(Map.of("cursor", "eyJ2IjoxfQ"), "cursor");
        cases.forEach((query, param) ->
                assertBadParam(invoke(withApiKey(query(query), merchant.apiKey())), param));
    }

    @Test
    void aCursorContinuesOnlyTheListingItCameFrom() {
        NewMerchant merchant = stack.merchants().newMerchant("Cursor Scope Merchant");
        pay(merchant, "success.json");
        pay(merchant, "success.json");
        String unfiltered = page(merchant, Map.of("limit", "1")).get("next_cursor").asText();

        assertBadParam(invoke(withApiKey(query(Map.of("limit", "1", "cursor", unfiltered, "status", "completed")),
                merchant.apiKey())), "cursor");
        assertBadParam(invoke(withApiKey(query(Map.of("cursor", unfiltered, "metadata[order_id]", "ORDER-123")),
                merchant.apiKey())), "cursor");
        assertBadParam(invoke(withApiKey(query(Map.of("cursor", unfiltered, "created_to", "2000-01-01")),
                merchant.apiKey())), "cursor");
    }

    private static String pay(NewMerchant merchant, String sample) {
        return stack.payments().pay("direct-payment-create/" + sample, merchant.apiKey()).transactionId();
    }

    /** A payment with a token minted by test mode's wallet for the merchant, as its page would send it. */
    private static String payWithWallet(NewMerchant merchant, Wallet wallet) {
        String token = new TestWalletTokens(Clock.systemUTC()).mint(new TestWalletTokens.Mint(wallet,
                merchant.merchantId(), CardNumber.parse("4242424242424242"), new CardExpiry(12, 2030),
                AuthMethod.CRYPTOGRAM_3DS, null));
        APIGatewayV2HTTPEvent event = SampleEvents.withJsonField(withApiKey(event("direct-payment-create/google-pay.json"),
                merchant.apiKey()), "payment_token", token);
        event = SampleEvents.withJsonField(event, "payment_method", wallet.wireName());
        return stack.payments().pay(event).transactionId();
    }

    private static String payAs(NewMerchant merchant, String sample, String email) {
        APIGatewayV2HTTPEvent event = withApiKey(event("direct-payment-create/" + sample), merchant.apiKey());
        try {
            ObjectNode body = (ObjectNode) SampleEvents.mapper().readTree(event.getBody());
            ((ObjectNode) body.get("customer_info")).put("email", email);
            return stack.payments().pay(SampleEvents.withBody(event, SampleEvents.mapper().writeValueAsString(body),
                    false)).transactionId();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String payWithMetadata(NewMerchant merchant, String sample, Map<String, Object> metadata) {
        APIGatewayV2HTTPEvent event = withApiKey(event("direct-payment-create/" + sample), merchant.apiKey());
        try {
            ObjectNode body = (ObjectNode) SampleEvents.mapper().readTree(event.getBody());
            body.set("metadata", SampleEvents.mapper().valueToTree(metadata));
            return stack.payments().pay(SampleEvents.withBody(event, SampleEvents.mapper().writeValueAsString(body),
                    false)).transactionId();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ids in the stored order the list promises: created_at, then transaction id, both descending. */
    private static List<String> newestFirst(List<String> transactionIds) {
        return transactionIds.stream().map(id -> stack.payments().storedTransaction(id))
                .sorted(Comparator.comparing(Transaction::createdAt).thenComparing(Transaction::transactionId).reversed())
                .map(Transaction::transactionId).toList();
    }

    private static JsonNode page(NewMerchant merchant, Map<String, String> query) {
        APIGatewayV2HTTPResponse response = invoke(withApiKey(query(query), merchant.apiKey()));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response).get("data");
    }

    private static APIGatewayV2HTTPEvent query(Map<String, String> parameters) {
        return withQuery(event("direct-payments-list/first-page.json"), parameters);
    }

    private static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.get("transactions").forEach(t -> ids.add(t.get("transaction_id").asText()));
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
