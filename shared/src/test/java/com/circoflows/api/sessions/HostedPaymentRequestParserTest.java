package com.circoflows.api.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.session.NewPaymentSession;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.url.MerchantUrlPolicy.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostedPaymentRequestParserTest {
    /** The reference's request example, with expires_at moved into the future. */
    static final String REFERENCE_EXAMPLE = """
            {
              "amount": 25000,
              "currency": "USD",
              "description": "Premium Subscription - Annual Plan",
              "customer_info": {
                "name": "Jane Smith",
                "email": "jane@example.com",
                "phone": "+1234567890"
              },
              "metadata": {
                "subscription_id": "sub_12345",
                "plan_type": "premium_annual"
              },
              "webhook_url": "https://your-site.com/webhooks/payment",
              "return_url": "https://your-site.com/payment/success",
              "expires_at": "2026-11-24T23:59:59Z"
            }""";
    /** The network stays out of unit tests: your-site.com "resolves" to a public address here. */
    private static final HostResolver DNS = host -> switch (host) {
        case "your-site.com" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
        case "internal.your-site.com" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        case "127.0.0.1" -> new InetAddress[] {InetAddress.getByName(host)};
        default -> throw new UnknownHostException(host);
    };

    private final HostedPaymentRequestParser parser = new HostedPaymentRequestParser(new MerchantUrlPolicy(false, DNS));

    @Test
    void referenceExampleIsParsedAsIs() {
        NewPaymentSession parsed = parser.parse(REFERENCE_EXAMPLE);

        assertEquals(25000, parsed.amount().minorUnits());
        assertEquals("USD", parsed.amount().currencyCode());
        assertEquals("Premium Subscription - Annual Plan", parsed.description());
        assertEquals(Map.of("name", "Jane Smith", "email", "jane@example.com", "phone", "+1234567890"),
                parsed.customerInfo());
        assertEquals(Map.of("subscription_id", "sub_12345", "plan_type", "premium_annual"), parsed.metadata());
        assertEquals("https://your-site.com/webhooks/payment", parsed.webhookUrl());
        assertEquals("https://your-site.com/payment/success", parsed.returnUrl());
        assertEquals(Instant.parse("2026-11-24T23:59:59Z"), parsed.expiresAt());
    }

    @Test
    void captureMethodIsAutomaticUnlessManualIsAsked() {
        assertEquals(CaptureMethod.AUTOMATIC, parser.parse(REFERENCE_EXAMPLE).captureMethod());
        assertEquals(CaptureMethod.MANUAL, parser.parse(
                "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"capture_method\": \"manual\"}")
                .captureMethod());
    }

    @Test
    void localeIsAutoUnlessOneOfThePagesLanguagesIsAsked() {
        assertEquals(PageLocale.AUTO, parser.parse(REFERENCE_EXAMPLE).locale());
        for (PageLocale locale : PageLocale.values()) {
            assertEquals(locale, parser.parse("{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", "
                    + "\"locale\": \"" + locale.wireName() + "\"}").locale());
        }
    }

    @Test
    void onlyAmountCurrencyAndDescriptionAreRequired() {
        NewPaymentSession parsed = parser.parse("{\"amount\": 500, \"currency\": \"jpy\", \"description\": \"Tea\"}");

        assertEquals("JPY", parsed.amount().currencyCode());
        assertEquals(Map.of(), parsed.customerInfo());
        assertEquals(Map.of(), parsed.metadata());
        assertNull(parsed.webhookUrl());
        assertNull(parsed.returnUrl());
        assertNull(parsed.expiresAt(), "the service applies the 24 h default");
    }

    @Test
    void expiresAtWithAnOffsetIsTheSameInstantToTheSecond() {
        NewPaymentSession parsed = parser.parse(
                "{\"amount\": 500, \"currency\": \"EUR\", \"description\": \"x\", \"expires_at\": \"2026-11-24T10:00:00.750+02:00\"}");

        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), parsed.expiresAt());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"amount\": 25000, \"currency\": \"USD\"}                                              | invalid_request    | description",
        "{\"currency\": \"USD\", \"description\": \"x\"}                                         | invalid_request    | amount",
        "{\"amount\": 250.00, \"currency\": \"USD\", \"description\": \"x\"}                     | invalid_request    | amount",
        "{\"amount\": \"25000\", \"currency\": \"USD\", \"description\": \"x\"}                  | invalid_request    | amount",
        "{\"amount\": 10, \"currency\": \"USD\", \"description\": \"x\"}                         | invalid_amount     | amount",
        "{\"amount\": 0, \"currency\": \"USD\", \"description\": \"x\"}                          | invalid_amount     | amount",
        "{\"amount\": 25000, \"currency\": \"XYZ\", \"description\": \"x\"}                       | invalid_currency   | currency",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"\"}                        | invalid_request    | description",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": 7}                           | invalid_request    | description",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"Card 4242424242424242\"}   | invalid_request    | description",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"payment_method\": \"card\"} | invalid_request | payment_method",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"card_number\": \"4242424242424242\"} | invalid_request | card_number",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"customer_info\": {\"email\": \"nope\"}} | invalid_request | customer_info[email]",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"metadata\": {\"k\": [1]}} | invalid_request | metadata[k]",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"expires_at\": \"tomorrow\"} | invalid_request | expires_at",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"expires_at\": \"2026-11-24T10:00:00\"} | invalid_request | expires_at",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"expires_at\": 1795000000} | invalid_request | expires_at",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"webhook_url\": \"http://your-site.com/h\"} | invalid_webhook_url | webhook_url",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"webhook_url\": \"https://10.0.0.1/h\"} | invalid_webhook_url | webhook_url",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"webhook_url\": \"https://internal.your-site.com/h\"} | invalid_webhook_url | webhook_url",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"webhook_url\": \"https://does-not-resolve.example/h\"} | invalid_webhook_url | webhook_url",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"return_url\": \"http://your-site.com/done\"} | invalid_return_url | return_url",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"return_url\": \"https://user:pw@your-site.com/\"} | invalid_return_url | return_url",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"return_url\": \"javascript:alert(1)\"} | invalid_return_url | return_url",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"capture_method\": \"later\"} | invalid_request | capture_method",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"locale\": \"it\"} | invalid_request | locale",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"locale\": \"DE\"} | invalid_request | locale",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"locale\": \"de-DE\"} | invalid_request | locale",
        "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"locale\": 1} | invalid_request | locale",
    })
    void badFieldIsNamedWithItsCode(String body, String code, String param) {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(body));

        assertEquals(code, e.code().code(), e.getMessage());
        assertEquals(param, e.param());
    }

    @Test
    void descriptionOfFiveHundredCharactersIsAcceptedAndOneMoreIsNot() {
        String ok = "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"" + "d".repeat(500) + "\"}";
        String tooLong = "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"" + "d".repeat(501) + "\"}";

        assertEquals(500, parser.parse(ok).description().length());
        assertEquals("description", assertThrows(ApiException.class, () -> parser.parse(tooLong)).param());
    }

    @Test
    void localModeAcceptsLoopbackHttpUrls() {
        HostedPaymentRequestParser local = new HostedPaymentRequestParser(new MerchantUrlPolicy(true, DNS));

        NewPaymentSession parsed = local.parse("{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\","
                + " \"webhook_url\": \"http://127.0.0.1:9/hook\", \"return_url\": \"http://localhost:8080/done\"}");

        assertEquals("http://127.0.0.1:9/hook", parsed.webhookUrl());
        assertEquals("http://localhost:8080/done", parsed.returnUrl());
    }

    @Test
    void malformedJsonIsAnInvalidRequestWithParamBody() {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse("{\"amount\": 25000,"));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("body", e.param());
    }
}
