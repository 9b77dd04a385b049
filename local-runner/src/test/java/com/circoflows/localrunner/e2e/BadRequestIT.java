package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.assertError;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertInvalidRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and invalid requests: 400 with the field at fault in param, and never an internal
 * (exception, Java package, table name, stack trace) in the body. {@link Api} checks the latter on
 * every response of the suite; here the bodies are the likeliest to leak. A merchant of its own.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestIT {
    private static final String CVV = "941";

    private final E2e e2e;
    private Api api;
    /** The Unicode cases' own merchant: this class's requests together would pass the payment limit. */
    private E2e.TestMerchant unicode;

    BadRequestIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void merchant() {
        api = e2e.newMerchant("Bad Request Merchant").api();
        unicode = e2e.newMerchant("Bad Unicode Merchant");
    }

    private static ObjectNode valid() {
        return Payments.card(Payments.SUCCESS, CVV);
    }

    @Test
    void malformedJsonIsInvalidRequestAndTheMessageDoesNotQuoteTheBody() {
        String body = "{\"amount\": 1000, \"currency\": \"USD\", \"card_number\": \"" + Payments.SUCCESS
                + "\", \"cvv\": \"" + CVV + "\", oops";

        HttpResult refused = api.post("/api/direct-payment", body);

        JsonNode error = assertInvalidRequest(refused, "body");
        String message = error.path("message").asText();
        assertFalse(message.contains(Payments.SUCCESS) || message.contains("oops") || message.contains("amount"),
                "the message quotes the body: " + message);
        assertFalse(refused.body().contains(Payments.SUCCESS), refused::describe);
        assertClean(refused);
    }

    @Test
    void bodyWithADuplicatedFieldIsInvalidRequest() {
        String body = Json.write(valid()).replace("\"amount\":1000,", "\"amount\":1000,\"amount\":99999,");
        assertTrue(body.contains("99999"), body);

        assertInvalidRequest(api.post("/api/direct-payment", body), "body");
    }

    @Test
    void bodyOver64KbIsInvalidRequest() {
        ObjectNode body = valid();
        body.set("metadata", Json.object().put("note", "x".repeat(70_000)));

        assertInvalidRequest(api.pay(body), "body");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"", " ", "[]", "[{\"amount\":1000}]", "null", "\"card\"", "1000", "true"})
    void bodyThatIsNotAJsonObjectIsInvalidRequest(String body) {
        HttpResult refused = api.post("/api/direct-payment", body);

        assertInvalidRequest(refused, "body");
        assertClean(refused);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"amount", "currency", "payment_method", "card_number", "expiry_month", "expiry_year",
            "cvv"})
    void eachMissingRequiredFieldIsInvalidRequestNamingIt(String field) {
        ObjectNode body = valid();
        body.remove(field);

        assertInvalidRequest(api.pay(body), field);
        ObjectNode nulled = valid();
        nulled.putNull(field);
        assertInvalidRequest(api.pay(nulled), field);
    }

    @Test
    void fractionalAmountIsInvalidRequestOnAmount() {
        assertInvalidRequest(api.pay(valid().put("amount", 10.50)), "amount");
        assertInvalidRequest(api.pay(valid().put("amount", 1000.0)), "amount");
    }

    @Test
    void amountAsAStringIsInvalidRequestOnAmount() {
        assertInvalidRequest(api.pay(valid().put("amount", "1000")), "amount");
    }

    @Test
    void negativeOrZeroAmountIsInvalidAmount() {
        assertError(api.pay(valid().put("amount", -1000)), 400, "invalid_amount", "invalid_request_error", null,
                "amount");
        assertError(api.pay(valid().put("amount", 0)), 400, "invalid_amount", "invalid_request_error", null,
                "amount");
    }

    @Test
    void amountBelowTheCurrencyMinimumIsInvalidAmountAndTheMinimumItselfIsAccepted() {
        assertError(api.pay(valid().put("amount", 49)), 400, "invalid_amount", "invalid_request_error", null,
                "amount");
        HttpResult minimum = api.pay(valid().put("amount", 50));
        assertEquals(200, minimum.status(), minimum::describe);
    }

    @Test
    void unsupportedCurrencyIsInvalidCurrency() {
        assertError(api.pay(valid().put("currency", "XYZ")), 400, "invalid_currency", "invalid_request_error",
                null, "currency");
    }

    @Test
    void unknownFieldIsInvalidRequestNamingIt() {
        assertInvalidRequest(api.pay(valid().put("coupon_code", "SAVE10")), "coupon_code");
    }

    @Test
    void webhookUrlOnAPrivateAddressIsInvalidWebhookUrl() {
        for (String url : List.of("http://10.0.0.1/x", "https://10.0.0.1/x", "https://192.168.1.10/hook",
                "https://169.254.169.254/latest/meta-data", "http://example.com/hook")) {
            HttpResult refused = api.pay(valid().put("webhook_url", url));
            assertError(refused, 400, "invalid_webhook_url", "invalid_request_error", null, "webhook_url");
        }
    }

    @Test
    void localModeAllowsAnHttpWebhookUrlOnLoopbackOnly() {
        HttpResult accepted = api.pay(valid().put("webhook_url", "http://127.0.0.1:9/webhooks"));

        assertEquals(200, accepted.status(), accepted::describe);
    }

    @Test
    void cardNumberSentAsANumberIsRefusedWithoutEchoingIt() {
        ObjectNode body = valid();
        body.put("card_number", Long.parseLong(Payments.SUCCESS));

        HttpResult refused = api.pay(body);

        assertInvalidRequest(refused, "card_number");
        assertFalse(refused.body().contains(Payments.SUCCESS), refused::describe);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\ud800", "\\udfff", "x\\ud83d", "\\ude00\\ud83d"})
    void aLoneSurrogateIsRefusedNamingTheFieldInsteadOfBeingStoredAsAQuestionMark(String escape) {
        String valid = Json.write(valid());
        // The escape is written into the JSON text as is: a JSON library would refuse to write it.
        String body = valid.substring(0, valid.length() - 1) + ",\"metadata\":{\"note\":\"Caf\u00e9 " + escape + "\"}}";

        HttpResult refused = unicode.api().post("/api/direct-payment", body);

        assertInvalidRequest(refused, "metadata[note]");
        HttpResult named = unicode.api().post("/api/hosted-payment", "{\"amount\":2500,\"currency\":\"USD\",\"description\":\"Plan "
                + escape + "\"}");
        assertInvalidRequest(named, "description");
    }

    @Test
    void invalidUtf8BytesAreRefusedNamingTheField() {
        byte[] before = "{\"amount\":2500,\"currency\":\"USD\",\"description\":\"Caf".getBytes(StandardCharsets.UTF_8);
        byte[] after = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[before.length + 2 + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        body[before.length] = (byte) 0xC3; // starts a two-byte sequence ...
        body[before.length + 1] = (byte) 0x28; // ... that this byte cannot continue
        System.arraycopy(after, 0, body, before.length + 2, after.length);

        HttpResult refused = Api.send(e2e, HttpRequest.newBuilder(URI.create(e2e.baseUrl() + "/api/hosted-payment"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + unicode.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertInvalidRequest(refused, "description");
    }

    @Test
    void threeDigitCvvOnAmexIsInvalidCvv() {
        HttpResult refused = api.pay(Payments.card(Payments.AMEX, "942"));

        assertError(refused, 400, "invalid_cvv", "card_error", null, "cvv");
        assertFalse(refused.body().contains("942"), refused::describe);
    }

    /** Redundant with Api's check on every response, but stated where the brief asks for it. */
    private void assertClean(HttpResult result) {
        List<String> problems = ResponseHygiene.problems(result.body(), e2e.tableNames());
        assertTrue(problems.isEmpty(), problems + ": " + result.describe());
        assertFalse(e2e.tableNames().isEmpty());
    }
}
