package com.circoflows.api;

import com.circoflows.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.keys.CreateApiKeyEndpoint;
import com.circoflows.api.payments.ConfirmThreeDSecureEndpoint;
import com.circoflows.api.payments.DirectPaymentRequestParser;
import com.circoflows.api.sessions.HostedPaymentRequestParser;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.api.webhooks.SetWebhookEndpointEndpoint;
import com.circoflows.api.branding.SetBrandingEndpoint;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryIdempotencyStore;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.Responses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A card number sent anywhere but card_number, however it is written, is refused on every route with
 * 400 invalid_request naming the param, and its digits appear nowhere: not in the answer, not in what
 * an Idempotency-Key record keeps, not in the log.
 */
@Isolated
class CardNumbersInRequestsTest {
    private static final String PAN = "4242424242424242";
    /** The card number as outside testers wrote it to slip past a plain digit-run check. */
    private static final List<String> WRITTEN = List.of(PAN, "4242.4242.4242.4242", "4242_4242_4242_4242",
            "4242/4242/4242/4242", "4242  4242  4242  4242", "4242-4242 4242.4242");
    /** ... and inside URLs, encoded as a browser or an HTTP library would. */
    private static final List<String> IN_URLS = List.of("?card=" + PAN, "?c=4242%204242%204242%204242",
            "?c=4242%2E4242%2E4242%2E4242", "?c=4242+4242+4242+4242", "?c=4242%2D4242%2D4242%2D4242", "/4242.4242.4242.4242/done");
    private static final Pattern ANY_FOUR_DIGITS_OF_IT = Pattern.compile("4242");

    private static final MerchantUrlPolicy URLS = new MerchantUrlPolicy(false,
            host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")});
    private static final DirectPaymentRequestParser DIRECT = new DirectPaymentRequestParser(URLS,
            MutableClock.atTestNow());
    private static final HostedPaymentRequestParser HOSTED = new HostedPaymentRequestParser(URLS);
    private static final AuthenticatedKey CALLER = new AuthenticatedKey("key_A", "mch_AAAAAAAAAAAAAAAAAAAA", Mode.TEST);

    static Stream<Arguments> cardNumbersOutsideTheCardField() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String pan : WRITTEN) {
            String quoted = Json.write(pan);
            cases.add(direct(",\"metadata\":{\"note\":" + quoted + "}", "metadata[note]", pan));
            cases.add(direct(",\"metadata\":{" + quoted + ":\"x\"}", "metadata", pan));
            cases.add(direct(",\"customer_info\":{\"name\":" + quoted + "}", "customer_info[name]", pan));
            cases.add(direct(",\"customer_info\":{\"address\":{\"line1\":" + quoted + "}}",
                    "customer_info[address][line1]", pan));
            cases.add(direct("," + quoted + ":1", "body", pan));
            cases.add(direct(",\"unknown\":" + quoted, "unknown", pan));
            cases.add(direct(",\"customer_info\":{" + quoted + ":\"x\"}", "customer_info", pan));
            cases.add(hosted(",\"description\":" + quoted, "description", pan));
            cases.add(hosted(",\"description\":\"x\",\"metadata\":{\"a\":{\"b\":[\"ok\"," + quoted + "]}}",
                    "metadata[a][b][1]", pan));
            cases.add(endpoint("POST /api/keys", "{\"name\":" + quoted + "}", "name", pan));
            cases.add(endpoint("PUT /api/branding", "{\"display_name\":" + quoted + "}", "display_name", pan));
            cases.add(endpoint("POST confirm-3ds", "{\"status\":\"success\",\"gateway_id\":" + quoted + "}",
                    "gateway_id", pan));
        }
        cases.add(direct(",\"metadata\":{\"n\":" + PAN + "}", "metadata[n]", PAN));
        for (String url : IN_URLS) {
            String quoted = Json.write("https://shop.example/return" + url);
            cases.add(direct(",\"return_url\":" + quoted, "return_url", url));
            cases.add(direct(",\"webhook_url\":" + quoted, "webhook_url", url));
            cases.add(hosted(",\"description\":\"x\",\"return_url\":" + quoted, "return_url", url));
            cases.add(hosted(",\"description\":\"x\",\"webhook_url\":" + quoted, "webhook_url", url));
            cases.add(endpoint("PUT /api/webhook-endpoint", "{\"url\":" + quoted + "}", "url", url));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardNumbersOutsideTheCardField")
    void isRefusedNamingTheParamWithoutEchoingIt(String route, Function<String, Object> call, String body,
            String param) {
        ApiException refused = assertThrows(ApiException.class, () -> call.apply(body), body);

        assertEquals(ErrorCode.INVALID_REQUEST, refused.code(), body);
        assertEquals(param, refused.param(), body);
        String answer = Envelope.error(refused).body();
        assertFalse(ANY_FOUR_DIGITS_OF_IT.matcher(answer).find(), answer);
    }

    @Test
    void theCardNumberInCardNumberItselfIsStillAccepted() {
        assertEquals("4242", DIRECT.parse(directBody("")).card().number().last4());
    }

    @Test
    void anIdempotencyKeyHoldingACardNumberIsRefusedBeforeAnythingIsKept() {
        Pipeline pipeline = new Pipeline();
        for (String pan : WRITTEN) {
            ApiResponse answer = pipeline.handle(ApiRequests.post("/api/direct-payment", directBody(""))
                    .bearer(pipeline.key.fullKey()).header("idempotency-key", "order-" + pan).build());

            assertEquals(400, answer.statusCode(), answer.body());
            assertEquals("Idempotency-Key", Responses.error(answer).get("param"));
            assertFalse(answer.body().contains("4242"), answer.body());
        }
        assertEquals(0, pipeline.store.size(), "no record was claimed under such a key");
    }

    @Test
    void whatAnIdempotencyRecordKeepsOfARefusedBodyHoldsNoCardNumber() {
        Pipeline pipeline = new Pipeline();
        ApiResponse answer = pipeline.handle(ApiRequests.post("/api/direct-payment",
                directBody(",\"4242.4242.4242.4242\":1")).bearer(pipeline.key.fullKey())
                .header("idempotency-key", "order-1").build());

        assertEquals(400, answer.statusCode());
        assertEquals(1, pipeline.store.size(), "a 400 is kept for replay, as Stripe does");
        assertFalse(String.join("\n", pipeline.store.savedBodies()).contains("4242"), pipeline.store.savedBodies()::toString);
    }

    @Test
    void aCardNumberInTheRequestPathIsMaskedInTheRequestLog() {
        Pipeline pipeline = new Pipeline();
        try (CapturedLog log = CapturedLog.start()) {
            for (String pan : WRITTEN) {
                pipeline.handle(ApiRequests.get("/api/direct-payment/" + pan.replace('/', '.'))
                        .bearer(pipeline.key.fullKey()).build());
                pipeline.handle(ApiRequests.get("/api/direct-payment/txn_" + pan.replace("/", "%2F"))
                        .bearer(pipeline.key.fullKey()).build());
            }
            assertTrue(log.text().contains("\"event\":\"request\""), log.text());
            // Whole numbers are looked for, not "4242": a log line's nanosecond timestamp may hold those digits.
            assertFalse(CardNumberDetector.containsCardNumber(log.text()), log.text());
            assertTrue(log.text().contains("****"), log.text());
        }
    }

    @Test
    void theRequestLogKeepsAPathWithoutACardNumberAsItCame() {
        Pipeline pipeline = new Pipeline();
        try (CapturedLog log = CapturedLog.start()) {
            pipeline.handle(ApiRequests.get("/api/direct-payment/txn_AbCdEfGhIjKlMnOpQrStUvWx")
                    .bearer(pipeline.key.fullKey()).build());
            assertTrue(log.text().contains("\"path\":\"/api/direct-payment/txn_AbCdEfGhIjKlMnOpQrStUvWx\""), log.text());
        }
    }

    private static Arguments direct(String extra, String param, String pan) {
        return Arguments.of("direct-payment " + param + " " + pan, (Function<String, Object>) DIRECT::parse,
                directBody(extra), param);
    }

    private static Arguments hosted(String extra, String param, String pan) {
        return Arguments.of("hosted-payment " + param + " " + pan, (Function<String, Object>) HOSTED::parse,
                "{\"amount\":25000,\"currency\":\"USD\"" + extra + "}", param);
    }

    /** Routes whose body is refused before the endpoint uses any of its collaborators (none are given). */
    private static Arguments endpoint(String route, String body, String param, String pan) {
        MerchantEndpoint endpoint = switch (route) {
            case "POST /api/keys" -> new CreateApiKeyEndpoint(null);
            case "PUT /api/webhook-endpoint" -> new SetWebhookEndpointEndpoint(null);
            case "PUT /api/branding" -> new SetBrandingEndpoint(null);
            default -> new ConfirmThreeDSecureEndpoint(null, new PublicUrls(Optional.empty()));
        };
        Function<String, Object> call = json -> endpoint.handle(ApiRequests.post("/x", json)
                .pathParam("transaction_id", "txn_AbCdEfGhIjKlMnOpQrStUvWx").build(), CALLER);
        return Arguments.of(route + " " + param + " " + pan, call, body, param);
    }

    private static String directBody(String extra) {
        return "{\"amount\":1000,\"currency\":\"USD\",\"payment_method\":\"card\",\"card_number\":\"" + PAN + "\","
                + "\"expiry_month\":\"12\",\"expiry_year\":\"2030\",\"cvv\":\"123\"" + extra + "}";
    }

    /** The real pipeline on in-memory stores, with an endpoint that parses a direct payment and answers 200. */
    private static final class Pipeline {
        final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
        final CountingSecretHasher hasher = CountingSecretHasher.sha256();
        final MutableClock clock = MutableClock.atTestNow();
        final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
        final MerchantApiPipeline pipeline = new MerchantApiPipeline(
                new ApiKeyAuthenticator(keys, hasher, CountingSecretHasher.fastBcrypt(), new VerifiedKeyCache(Duration.ofSeconds(60), new ManualNanoClock()),
                        clock),
                new RateLimiter(new InMemoryRateLimitCounter(), clock), store, clock);
        final IssuedApiKey key = new ApiKeyIssuer(keys, hasher, clock).issue("mch_AAAAAAAAAAAAAAAAAAAA", Mode.TEST);
        final MerchantEndpoint endpoint = new MerchantEndpoint() {
            @Override
            public RateLimitClass rateLimitClass() {
                return RateLimitClass.PAYMENTS;
            }

            @Override
            public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
                DIRECT.parse(request.body());
                return Envelope.ok(200, "ok", Map.of());
            }
        };

        ApiResponse handle(ApiRequest request) {
            return pipeline.handle(request, endpoint);
        }
    }
}
