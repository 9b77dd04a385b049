package com.circoflows.api.payments;

import com.circoflows.api.ErrorStatuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.payment.DirectPaymentRequest;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.testing.TestCardData;
import com.circoflows.testing.TestClocks;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectPaymentRequestParserTest {
    private static final String QUICK_START = TestCardData.quickStartJson(TestCards.SUCCESS);
    private static final String REFERENCE_EXAMPLE = """
            {
              "amount": 15000,
              "currency": "USD",
              "payment_method": "card",
              "card_number": "4242424242424242",
              "expiry_month": "12",
              "expiry_year": "2030",
              "cvv": "123",
              "customer_info": {
                "name": "John Doe",
                "email": "john@example.com",
                "phone": "+1234567890",
                "address": {
                  "line1": "123 Main St",
                  "city": "New York",
                  "state": "NY",
                  "postal_code": "10001",
                  "country": "US"
                }
              },
              "metadata": {
                "order_id": "ORD-12345",
                "product": "Premium Plan"
              },
              "webhook_url": "https://your-site.com/webhooks/payment",
              "return_url": "https://your-site.com/payment/3ds-return"
            }""";

    /** The network stays out of unit tests: every name "resolves" to a public address here. */
    private final DirectPaymentRequestParser parser = new DirectPaymentRequestParser(
            new MerchantUrlPolicy(false, host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}),
            TestClocks.fixed());

    @Test
    void quickStartRequestParses() {
        DirectPaymentRequest request = parser.parse(QUICK_START);

        assertEquals(1000, request.amount().minorUnits());
        assertEquals("USD", request.amount().currencyCode());
        assertEquals(CardBrand.VISA, request.card().brand());
        assertEquals("4242", request.card().number().last4());
        assertEquals(12, request.card().expiry().month());
        assertEquals(2030, request.card().expiry().year());
        assertEquals(Map.of(), request.customerInfo());
        assertEquals(Map.of(), request.metadata());
        assertNull(request.webhookUrl());
        assertNull(request.returnUrl());
    }

    @Test
    void referenceRequestExampleParsesWithEverything() {
        DirectPaymentRequest request = parser.parse(REFERENCE_EXAMPLE);

        assertEquals(15000, request.amount().minorUnits());
        assertEquals(Map.of("name", "John Doe", "email", "john@example.com", "phone", "+1234567890",
                "address", Map.of("line1", "123 Main St", "city", "New York", "state", "NY",
                        "postal_code", "10001", "country", "US")), request.customerInfo());
        assertEquals(Map.of("order_id", "ORD-12345", "product", "Premium Plan"), request.metadata());
        assertEquals("https://your-site.com/webhooks/payment", request.webhookUrl());
        assertEquals("https://your-site.com/payment/3ds-return", request.returnUrl());
    }

    @Test
    void parsedRequestNeverPrintsTheCardNumber() {
        assertFalse(parser.parse(QUICK_START).toString().contains(TestCards.SUCCESS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount", "currency", "payment_method", "card_number", "expiry_month", "expiry_year",
        "cvv"})
    void eachMissingRequiredFieldIsNamedInParam(String field) {
        ApiException e = refused(without(QUICK_START, field), ErrorCode.INVALID_REQUEST, field);

        assertEquals("Missing required parameter: " + field + ".", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount", "currency", "card_number", "cvv"})
    void nullCountsAsMissing(String field) {
        refused(QUICK_START.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": null"),
                ErrorCode.INVALID_REQUEST, field);
    }

    @Test
    void unknownFieldIsRejected() {
        ApiException e = refused(QUICK_START.replace("\"amount\"", "\"amount\": 1000, \"amout\""),
                ErrorCode.INVALID_REQUEST, "amout");

        assertEquals("Received unknown parameter: amout.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.5", "1000.0", "1e3", "\"1000\"", "true", "[1000]", "{}"})
    void floatAmountIsRejected(String amount) {
        ApiException e = refused(QUICK_START.replace("\"amount\": 1000", "\"amount\": " + amount),
                ErrorCode.INVALID_REQUEST, "amount");

        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1000", "49", "99999999999999999"})
    void amountOutsideTheChargeableRangeIsInvalidAmount(String amount) {
        refused(QUICK_START.replace("\"amount\": 1000", "\"amount\": " + amount), ErrorCode.INVALID_AMOUNT, "amount");
    }

    @Test
    void lowerCaseCurrencyIsAccepted() {
        assertEquals("EUR", parser.parse(QUICK_START.replace("\"USD\"", "\"eur\"")).amount().currencyCode());
    }

    @Test
    void zeroDecimalCurrencyKeepsTheAmountInItsOwnUnit() {
        DirectPaymentRequest request = parser.parse(QUICK_START.replace("\"USD\"", "\"JPY\""));

        assertEquals(1000, request.amount().minorUnits());
        assertEquals("JPY 1000", request.amount().formatPlain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "US1", "US", "12$"})
    void unsupportedCurrencyIsInvalidCurrency(String currency) {
        refused(QUICK_START.replace("\"USD\"", "\"" + currency + "\""), ErrorCode.INVALID_CURRENCY, "currency");
    }

    @Test
    void overlongCurrencyIsRefusedOnCurrency() {
        ApiException e = assertThrows(ApiException.class,
                () -> parser.parse(QUICK_START.replace("\"USD\"", "\"USDX\"")));

        assertEquals("currency", e.param());
        assertEquals(400, ErrorStatuses.of(e.code()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"paypal", "CARD", "samsung_pay"})
    void onlyCardBankTransferAndTheTwoWalletsAreSupported(String method) {
        refused(QUICK_START.replace("\"card\"", "\"" + method + "\""), ErrorCode.INVALID_REQUEST, "payment_method");
    }

    @Test
    void aBankTransferCarryingCardFieldsIsRefusedNamingTheFirstCardField() {
        ApiException e = assertThrows(ApiException.class,
                () -> parser.parseAny(QUICK_START.replace("\"card\"", "\"bank_transfer\"")));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("card_number", e.param());
        assertFalse(e.getMessage().contains("4242"));
    }

    @Test
    void expiryGivenAsJsonNumbersIsAccepted() {
        DirectPaymentRequest request = parser.parse(QUICK_START
                .replace("\"expiry_month\": \"12\"", "\"expiry_month\": 7")
                .replace("\"expiry_year\": \"2030\"", "\"expiry_year\": 2030"));

        assertEquals(7, request.card().expiry().month());
        assertEquals(2030, request.card().expiry().year());
    }

    @Test
    void cardNumberTypedWithSpacesIsAccepted() {
        assertEquals("4242", parser.parse(TestCardData.quickStartJson("4242 4242 4242 4242")).card().number().last4());
    }

    @Test
    void cardFailingLuhnIsInvalidCard() {
        refused(TestCardData.quickStartJson(TestCardData.LUHN_INVALID), ErrorCode.INVALID_CARD, "card_number");
    }

    @Test
    void cardExpiredLikeTheReferenceExampleIsExpiredCard() {
        ApiException e = refused(QUICK_START.replace("\"2030\"", "\"2025\""), ErrorCode.EXPIRED_CARD, "expiry_year");

        assertEquals("expired_card", e.declineCode());
    }

    @Test
    void cardNumberAsJsonNumberIsRefused() {
        refused(QUICK_START.replace("\"4242424242424242\"", "4242424242424242"), ErrorCode.INVALID_REQUEST,
                "card_number");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"amount\": 1000, \"card_number\": \"4242424242424242\"",
        "{\"amount\": 10.5, \"currency\": \"USD\", \"card_number\": \"4242424242424242\"}",
        "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method\": \"card\", \"card_number\": 4242424242424242}",
        "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method\": \"card\", \"card_number\": \"4242424242424241\","
            + " \"expiry_month\": \"12\", \"expiry_year\": \"2030\", \"cvv\": \"123\"}",
        "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method\": \"card\", \"card_number\": \"4242424242424242\","
            + " \"expiry_month\": \"13\", \"expiry_year\": \"2030\", \"cvv\": \"123\"}",
        "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method\": \"card\", \"card_number\": \"4242424242424242\","
            + " \"expiry_month\": \"12\", \"expiry_year\": \"2030\", \"cvv\": \"12\"}",
    })
    void errorMessageNeverContainsTheCardNumber(String body) {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(body));

        assertFalse(e.getMessage().contains("4242424242424242"), e.getMessage());
        assertFalse(e.getMessage().contains("4242424242424241"), e.getMessage());
    }

    @Test
    void firstBadFieldIsTheOneReported() {
        String body = QUICK_START.replace("\"amount\": 1000", "\"amount\": 10.5").replace("\"USD\"", "\"XXX\"");

        refused(body, ErrorCode.INVALID_REQUEST, "amount");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"customer_info\": \"John\"                          | customer_info",
        "\"customer_info\": {\"nickname\": \"J\"}             | customer_info[nickname]",
        "\"customer_info\": {\"email\": \"not-an-email\"}     | customer_info[email]",
        "\"customer_info\": {\"name\": 42}                    | customer_info[name]",
        "\"customer_info\": {\"address\": {\"country\": \"usa\"}} | customer_info[address][country]",
        "\"customer_info\": {\"address\": {\"zip\": \"10001\"}}   | customer_info[address][zip]",
        "\"customer_info\": {\"address\": \"123 Main St\"}    | customer_info[address]",
        "\"metadata\": [\"ORD-12345\"]                        | metadata",
        "\"metadata\": {\"order\": {\"id\": 1}}               | metadata[order]",
        "\"metadata\": {\"ratio\": 0.5}                       | metadata[ratio]",
    })
    void badCustomerInfoOrMetadataNamesTheNestedParam(String field, String param) {
        refused(QUICK_START.replace("\"amount\"", field + ", \"amount\""), ErrorCode.INVALID_REQUEST, param);
    }

    @Test
    void metadataKeepsStringsWholeNumbersAndBooleans() {
        DirectPaymentRequest request = parser.parse(QUICK_START.replace("\"amount\"",
                "\"metadata\": {\"order_id\": \"ORD-1\", \"qty\": 3, \"gift\": true}, \"amount\""));

        assertEquals(Map.of("order_id", "ORD-1", "qty", 3L, "gift", true), request.metadata());
    }

    @Test
    void metadataIsLimitedTo50KeysAnd500CharacterValues() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        }
        many.append("}");

        refused(QUICK_START.replace("\"amount\"", "\"metadata\": " + many + ", \"amount\""),
                ErrorCode.INVALID_REQUEST, "metadata");
        refused(QUICK_START.replace("\"amount\"", "\"metadata\": {\"note\": \"" + "x".repeat(501) + "\"}, \"amount\""),
                ErrorCode.INVALID_REQUEST, "metadata[note]");
    }

    @Test
    void insecureWebhookUrlIsInvalidWebhookUrl() {
        refused(QUICK_START.replace("\"amount\"", "\"webhook_url\": \"http://your-site.com/hook\", \"amount\""),
                ErrorCode.INVALID_WEBHOOK_URL, "webhook_url");
    }

    @Test
    void insecureReturnUrlIsInvalidReturnUrl() {
        refused(QUICK_START.replace("\"amount\"", "\"return_url\": \"http://your-site.com/return\", \"amount\""),
                ErrorCode.INVALID_RETURN_URL, "return_url");
    }

    @Test
    void localRunnerAcceptsLoopbackUrls() {
        DirectPaymentRequestParser local = new DirectPaymentRequestParser(new MerchantUrlPolicy(true), TestClocks.fixed());

        DirectPaymentRequest request = local.parse(QUICK_START.replace("\"amount\"",
                "\"webhook_url\": \"http://localhost:4000/hook\", \"return_url\": \"http://localhost:4000/done\", "
                        + "\"amount\""));

        assertEquals("http://localhost:4000/hook", request.webhookUrl());
        assertEquals("http://localhost:4000/done", request.returnUrl());
    }

    private ApiException refused(String body, ErrorCode code, String param) {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(body), body);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(param, e.param(), e.getMessage());
        return e;
    }

    private static String without(String json, String field) {
        String result = json.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[^,}]+)(, )?", "");
        if (result.equals(json)) {
            throw new AssertionError("field " + field + " not in " + json);
        }
        return result.replace(", }", "}");
    }
}
