package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.GATEWAY_ID;
import static com.circoflows.localrunner.e2e.ApiAssertions.TRANSACTION_ID;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertError;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertMatches;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertRecentTimestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every test card of ARCHITECTURE.md, with the exact status, code, type and decline_code. Runs as a
 * merchant of its own so its dozens of requests leave the demo key's per-minute budget alone.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardOutcomesIT {
    private final E2e e2e;
    private Api api;

    CardOutcomesIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void merchant() {
        api = e2e.newMerchant("Test Cards Merchant").api();
    }

    static Stream<Arguments> approvedCards() {
        return Stream.of(
                Arguments.of(Payments.SUCCESS, "461", "visa", "4242"),
                Arguments.of(Payments.AMEX, "4821", "amex", "0005"),
                Arguments.of(Payments.MASTERCARD, "829", "mastercard", "4444"));
    }

    @ParameterizedTest(name = "{0} ({2}) -> 200 completed")
    @MethodSource("approvedCards")
    void approvedCardCompletesWith200AndShowsBrandAndLast4(String card, String cvv, String brand, String last4) {
        HttpResult paid = api.pay(Payments.card(card, cvv));

        assertEquals(200, paid.status(), paid::describe);
        JsonNode data = paid.data();
        assertEquals("completed", data.path("status").asText(), paid::describe);
        assertMatches(TRANSACTION_ID, data.path("transaction_id"), "transaction_id");
        assertMatches(GATEWAY_ID, data.path("gateway_transaction_id"), "gateway_transaction_id");
        assertEquals(false, data.path("webhook_queued").asBoolean(true), "no endpoint, no webhook_url: "
                + paid.describe());

        HttpResult status = api.status(data.path("transaction_id").asText());
        assertEquals(200, status.status(), status::describe);
        assertEquals("completed", status.data().path("status").asText(), status::describe);
        assertEquals(brand, status.data().path("card").path("brand").asText(), status::describe);
        assertEquals(last4, status.data().path("card").path("last4").asText(), status::describe);
        assertFalse(status.body().contains(card), status::describe);
    }

    @Test
    void threeDSecureCardAnswers202WithTheReferences3dsBody() {
        HttpResult pending = api.pay(Payments.card(Payments.THREE_D_SECURE, "715"));

        assertEquals(202, pending.status(), pending::describe);
        JsonNode body = pending.json();
        assertEquals(true, body.path("success").asBoolean(false), pending::describe);
        assertEquals("3D Secure authentication required", body.path("message").asText(), pending::describe);
        JsonNode data = body.path("data");
        String id = data.path("transaction_id").asText();
        assertMatches(TRANSACTION_ID, data.path("transaction_id"), "transaction_id");
        assertEquals(1000, data.path("amount").asLong(), pending::describe);
        assertEquals("USD", data.path("currency").asText(), pending::describe);
        assertEquals("pending", data.path("status").asText(), pending::describe);
        assertMatches(GATEWAY_ID, data.path("gateway_transaction_id"), "gateway_transaction_id");
        assertEquals(true, data.path("requires_action").asBoolean(false), pending::describe);
        assertEquals("3ds_authentication", data.path("action_type").asText(), pending::describe);
        assertEquals(e2e.baseUrl() + "/pay/3ds/" + id, data.path("action_data").path("3ds_url").asText(),
                "3ds_url must be absolute under the public base URL: " + pending.describe());
        assertRecentTimestamp(data.path("created_at"), "created_at");
        assertTrue(data.path("webhook_queued").isBoolean(), pending::describe);
        assertEquals(Set.of("transaction_id", "amount", "currency", "status", "gateway_transaction_id",
                        "requires_action", "action_type", "action_data", "created_at", "webhook_queued"),
                fieldNames(data), "the reference's 3DS response fields");

        HttpResult status = api.status(id);
        assertEquals("pending", status.data().path("status").asText(), status::describe);
        assertEquals("required", status.data().path("three_d_secure").asText(), status::describe);
    }

    static Stream<Arguments> declinedCards() {
        return Stream.of(
                Arguments.of(Payments.DECLINED, "618", "card_declined", "generic_decline"),
                Arguments.of(Payments.INSUFFICIENT_FUNDS, "952", "insufficient_funds", "insufficient_funds"),
                Arguments.of(Payments.EXPIRED, "847", "expired_card", "expired_card"),
                Arguments.of(Payments.INCORRECT_CVV, "386", "invalid_cvv", "incorrect_cvc"),
                Arguments.of(Payments.PROCESSING_ERROR, "294", "processing_error", null),
                Arguments.of(Payments.FRAUDULENT, "573", "card_declined", "fraudulent"));
    }

    @ParameterizedTest(name = "{0} -> 400 {2} / {3}")
    @MethodSource("declinedCards")
    void declinedCardAnswers400CardErrorAndIsStoredAsFailedWithItsError(String card, String cvv, String code,
            String declineCode) {
        HttpResult declined = api.pay(Payments.card(card, cvv));

        JsonNode error = assertError(declined, 400, code, "card_error", declineCode, null);
        assertMatches(TRANSACTION_ID, error.path("transaction_id"), "error.transaction_id");

        HttpResult status = api.status(error.path("transaction_id").asText());
        assertEquals(200, status.status(), status::describe);
        JsonNode data = status.data();
        assertEquals("failed", data.path("status").asText(), status::describe);
        assertEquals(code, data.path("error").path("code").asText(), status::describe);
        assertEquals("card_error", data.path("error").path("type").asText(), status::describe);
        assertEquals(declineCode, data.path("error").path("decline_code").asText(null), status::describe);
        assertEquals(error.path("message").asText(), data.path("error").path("message").asText(), status::describe);
        assertRecentTimestamp(data.path("processed_at"), "processed_at");
    }

    @Test
    void numberFailingLuhnIsInvalidCardOnCardNumberAndNothingIsStored() {
        HttpResult refused = api.pay(Payments.card(Payments.LUHN_FAILURE, "683"));

        JsonNode error = assertError(refused, 400, "invalid_card", "card_error", null, "card_number");
        assertTrue(error.path("transaction_id").isMissingNode(), "a refused request creates no transaction: "
                + refused.describe());
        assertFalse(refused.body().contains(Payments.LUHN_FAILURE), refused::describe);
    }

    @Test
    void expiryInThePastIsExpiredCard() {
        HttpResult refused = api.pay(Payments.card(Payments.SUCCESS, "937")
                .put("expiry_month", "12").put("expiry_year", "2020"));

        JsonNode error = assertError(refused, 400, "expired_card", "card_error", "expired_card", "expiry_year");
        assertTrue(error.path("transaction_id").isMissingNode(), refused::describe);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
