package com.circoflows.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.health.HealthEndpoint;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.Responses;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class MerchantApiPipelineTest {
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";
    private static final long RESET = TestClocks.NOW.getEpochSecond() + 60;

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final CountingSecretHasher legacyHasher = CountingSecretHasher.fastBcrypt();
    private final MutableClock clock = MutableClock.atTestNow();
    private final MerchantApiPipeline pipeline = new MerchantApiPipeline(
            new ApiKeyAuthenticator(keys, hasher, legacyHasher,
                    new VerifiedKeyCache(Duration.ofSeconds(60), new ManualNanoClock()), clock),
            new RateLimiter(new InMemoryRateLimitCounter(), clock));
    private final IssuedApiKey key = new ApiKeyIssuer(keys, hasher, clock).issue(MERCHANT, Mode.TEST);
    private final String wrongSecretKey = "cf_test_" + key.stored().keyId() + "w".repeat(32);
    private final RecordingEndpoint ok = new RecordingEndpoint(RateLimitClass.PAYMENTS,
            (request, caller) -> Envelope.ok(200, "fine", Map.of("merchant_id", caller.merchantId())));
    private CapturedLog log;

    @BeforeEach
    void captureLog() {
        log = CapturedLog.start();
    }

    @AfterEach
    void restoreLog() {
        log.close();
    }

    @Test
    void validKeyReachesTheEndpointAsItsMerchant() {
        ApiResponse response = pipeline.handle(request(key.fullKey()), ok);

        assertEquals(200, response.statusCode());
        assertEquals(List.of(new AuthenticatedKey(key.stored().keyId(), MERCHANT, Mode.TEST)), ok.callers);
        assertEquals(MERCHANT, Responses.data(response).get("merchant_id"));
    }

    @Test
    void successfulResponseReportsTheKeysRemainingBudget() {
        ApiResponse response = pipeline.handle(request(key.fullKey()), ok);

        assertEquals("100", response.headers().get("x-ratelimit-limit"));
        assertEquals("99", response.headers().get("x-ratelimit-remaining"));
        assertEquals(Long.toString(RESET), response.headers().get("x-ratelimit-reset"));
        assertNull(response.headers().get("retry-after"));
    }

    @Test
    void everyApiResponseCarriesRateLimitHeaders() {
        List<ApiResponse> responses = new ArrayList<>();
        responses.add(pipeline.handle(request(key.fullKey()), ok)); // 200
        responses.add(pipeline.handle(request(key.fullKey()), endpoint((r, c) -> {
            throw ApiException.invalidParam("amount", "Bad amount.");
        }))); // 400
        responses.add(pipeline.handle(request(key.fullKey()), endpoint((r, c) -> {
            throw new ApiException(ErrorCode.TRANSACTION_NOT_FOUND);
        }))); // 404
        responses.add(pipeline.handle(request(key.fullKey()), endpoint((r, c) -> {
            throw new IllegalStateException("boom");
        }))); // 500
        responses.add(pipeline.handle(request(key.fullKey()), endpoint((r, c) -> {
            throw new RetryableFailure("throttled", null);
        }))); // 503
        responses.add(pipeline.handle(request(null), ok)); // 401
        responses.add(pipeline.handle(request("cf_test_" + "x".repeat(48)), ok)); // 401
        for (int i = 0; i < 10; i++) {
            pipeline.handle(request(wrongSecretKey), ok);
        }
        responses.add(pipeline.handle(request(wrongSecretKey), ok)); // 429, failures of this key id
        for (int i = 0; i < 100; i++) {
            pipeline.handle(request(key.fullKey()), ok);
        }
        responses.add(pipeline.handle(request(key.fullKey()), ok)); // 429, by key

        assertEquals(List.of(200, 400, 404, 500, 503, 401, 401, 429, 429),
                responses.stream().map(ApiResponse::statusCode).toList());
        for (ApiResponse response : responses) {
            assertNotNull(response.headers().get("x-ratelimit-limit"), response.toString());
            assertNotNull(response.headers().get("x-ratelimit-remaining"), response.toString());
            assertEquals(Long.toString(RESET), response.headers().get("x-ratelimit-reset"), response.toString());
        }
    }

    @Test
    void requestOverTheKeysLimitIsRefusedWithRetryAfterBeforeTheEndpointRuns() {
        clock.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 100; i++) {
            assertEquals(200, pipeline.handle(request(key.fullKey()), ok).statusCode());
        }

        ApiResponse response = pipeline.handle(request(key.fullKey()), ok);

        assertEquals(429, response.statusCode());
        assertEquals("rate_limit_exceeded", Responses.error(response).get("code"));
        assertEquals("rate_limit_error", Responses.error(response).get("type"));
        assertEquals("40", response.headers().get("retry-after"));
        assertEquals("0", response.headers().get("x-ratelimit-remaining"));
        assertEquals(100, ok.callers.size());
    }

    @Test
    void keyLimitStartsAfreshInTheNextMinute() {
        for (int i = 0; i < 101; i++) {
            pipeline.handle(request(key.fullKey()), ok);
        }
        clock.advance(Duration.ofSeconds(60));

        ApiResponse response = pipeline.handle(request(key.fullKey()), ok);

        assertEquals(200, response.statusCode());
        assertEquals("99", response.headers().get("x-ratelimit-remaining"));
    }

    @Test
    void endpointChoosesItsLimitClass() {
        ApiResponse response = pipeline.handle(request(key.fullKey()), new HealthEndpoint(clock));

        assertEquals("10", response.headers().get("x-ratelimit-limit"));
    }

    @Test
    void wrongSecretsAreLimitedPerKeyIdWhateverTheAddress() {
        for (int i = 0; i < 10; i++) {
            ApiResponse response = pipeline.handle(request(wrongSecretKey), ok);
            assertEquals(401, response.statusCode());
            assertEquals(Integer.toString(9 - i), response.headers().get("x-ratelimit-remaining"));
            assertEquals("10", response.headers().get("x-ratelimit-limit"));
        }

        ApiResponse limited = pipeline.handle(request(wrongSecretKey), ok);
        ApiResponse otherAddress = pipeline.handle(ApiRequests.get("/api/health").bearer(wrongSecretKey)
                .sourceIp("198.51.100.9").build(), ok);

        assertEquals(429, limited.statusCode());
        assertEquals("rate_limit_exceeded", Responses.error(limited).get("code"));
        assertEquals("60", limited.headers().get("retry-after"));
        assertEquals("0", limited.headers().get("x-ratelimit-remaining"));
        assertEquals(429, otherAddress.statusCode(), "the budget is the key id's");
        assertTrue(ok.callers.isEmpty());
    }

    @Test
    void alreadyVerifiedKeyStillWorksFromAnAddressThatFailedTooOften() {
        assertEquals(200, pipeline.handle(request(key.fullKey()), ok).statusCode());
        for (int i = 0; i < 11; i++) {
            pipeline.handle(request(wrongSecretKey), ok);
        }

        assertEquals(200, pipeline.handle(request(key.fullKey()), ok).statusCode());
    }

    @Test
    void anotherMerchantsCorrectUncachedKeyFromTheSameAddressIsNotRefusedAfterWrongSecretsForThisKeyId() {
        IssuedApiKey merchantB = new ApiKeyIssuer(keys, hasher, clock).issue("mch_BBBBBBBBBBBBBBBBBBBB", Mode.TEST);
        for (int i = 0; i < 15; i++) {
            pipeline.handle(request(wrongSecretKey), ok);
        }
        assertEquals(429, pipeline.handle(request(wrongSecretKey), ok).statusCode());

        ApiResponse response = pipeline.handle(request(merchantB.fullKey()), ok);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("mch_BBBBBBBBBBBBBBBBBBBB", Responses.data(response).get("merchant_id"));
        assertEquals("99", response.headers().get("x-ratelimit-remaining"), "merchant B's own budget");
    }

    @Test
    void theCorrectSecretIsAcceptedEvenWhileItsKeyIdIsOverItsFailureBudget() {
        for (int i = 0; i < 15; i++) {
            pipeline.handle(request(wrongSecretKey), ok);
        }

        ApiResponse response = pipeline.handle(request(key.fullKey()), ok);

        assertEquals(200, response.statusCode(), "an attacker who knows a key id cannot lock its merchant out");
        assertEquals("99", response.headers().get("x-ratelimit-remaining"));
    }

    @Test
    void aCorrectKeyIsNotRefusedAfterUnknownKeyIdsFromTheSameAddress() {
        for (int i = 0; i < 15; i++) {
            pipeline.handle(request("cf_test_" + RandomIds.base62(48)), ok);
        }

        assertEquals(200, pipeline.handle(request(key.fullKey()), ok).statusCode());
    }

    @Test
    void wrongSecretsCostNoBcrypt() {
        for (int i = 0; i < 30; i++) {
            pipeline.handle(request(wrongSecretKey), ok);
        }

        assertEquals(0, legacyHasher.matchCalls());
    }

    @Test
    void keyIdOverItsFailureBudgetCostsNoBcryptWhileItsHashIsStillLegacy() {
        String secret = RandomIds.base62(32);
        String legacyId = RandomIds.base62(16);
        keys.create(new StoredApiKey(legacyId, MERCHANT, Mode.TEST, new BcryptSecretHasher(4).hash(secret),
                "cf_test_x…", null, ApiKeyStatus.ACTIVE, TestClocks.NOW, null, null));
        String wrongLegacySecret = "cf_test_" + legacyId + "w".repeat(32);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, pipeline.handle(request(wrongLegacySecret), ok).statusCode());
        }
        int verificationsBefore = legacyHasher.matchCalls();

        for (int i = 0; i < 20; i++) {
            assertEquals(429, pipeline.handle(request(wrongLegacySecret), ok).statusCode());
        }

        assertEquals(10, verificationsBefore);
        assertEquals(verificationsBefore, legacyHasher.matchCalls());
    }

    @Test
    void unknownKeyIdsAreLimitedPerClientAddress() {
        for (int i = 0; i < 10; i++) {
            ApiResponse response = pipeline.handle(request("cf_test_" + RandomIds.base62(48)), ok);
            assertEquals(401, response.statusCode());
            assertEquals(Integer.toString(9 - i), response.headers().get("x-ratelimit-remaining"));
        }

        ApiResponse limited = pipeline.handle(request("cf_test_" + RandomIds.base62(48)), ok);
        ApiResponse otherAddress = pipeline.handle(ApiRequests.get("/api/health")
                .bearer("cf_test_" + RandomIds.base62(48)).sourceIp("198.51.100.9").build(), ok);

        assertEquals(429, limited.statusCode());
        assertEquals("60", limited.headers().get("retry-after"));
        assertEquals(401, otherAddress.statusCode());
    }

    @Test
    void requestsWithoutAUsableKeyStay401AndSpendNoBudget() {
        List<String> noKey = new ArrayList<>();
        noKey.add(null);
        noKey.add("cf_test_short");
        noKey.add("sk_test_4eC39HqLyjWDarjtT1zdp7dc");
        for (int i = 0; i < 30; i++) {
            for (String presented : noKey) {
                ApiResponse response = pipeline.handle(request(presented), ok);
                assertEquals(401, response.statusCode());
                assertEquals("10", response.headers().get("x-ratelimit-remaining"));
            }
        }

        ApiResponse unknownKeyId = pipeline.handle(request("cf_test_" + RandomIds.base62(48)), ok);

        assertEquals(401, unknownKeyId.statusCode());
        assertEquals("9", unknownKeyId.headers().get("x-ratelimit-remaining"));
    }

    @Test
    void aRevokedKeyStays401AndSpendsNoBudget() {
        keys.revoke(key.stored().keyId());

        for (int i = 0; i < 30; i++) {
            ApiResponse response = pipeline.handle(request(key.fullKey()), ok);
            assertEquals(401, response.statusCode(), "retrying later would not help: " + response.body());
            assertEquals("10", response.headers().get("x-ratelimit-remaining"));
        }
    }

    @Test
    void endpointThatManagesCredentialsAsksTheKeyTableThoughTheKeyIsCached() {
        assertEquals(200, pipeline.handle(request(key.fullKey()), ok).statusCode());
        keys.revoke(key.stored().keyId());
        RecordingEndpoint managing = new RecordingEndpoint(RateLimitClass.AUTHENTICATION,
                (request, caller) -> Envelope.ok(200, "changed", Map.of())) {
            @Override
            public boolean managesCredentials() {
                return true;
            }
        };

        ApiResponse refused = pipeline.handle(request(key.fullKey()), managing);

        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(managing.callers.isEmpty());
    }

    @Test
    void missingKeyIsAuthenticationFailedWithAHint() {
        ApiResponse response = pipeline.handle(request(null), ok);

        assertEquals(401, response.statusCode());
        Map<String, Object> error = Responses.error(response);
        assertEquals("authentication_failed", error.get("code"));
        assertEquals("authentication_error", error.get("type"));
        assertTrue(((String) error.get("message")).contains("Authorization: Bearer"), error.toString());
    }

    @Test
    void refusedKeyIsNeverEchoed() {
        ApiResponse response = pipeline.handle(request(wrongSecretKey), ok);

        assertFalse(response.body().contains(wrongSecretKey));
        assertFalse(log.text().contains(wrongSecretKey));
    }

    @Test
    void pipelineTurnsUnexpectedExceptionIntoServerErrorWithoutInternals() {
        ApiResponse response = pipeline.handle(request(key.fullKey()), endpoint((r, c) -> {
            throw new IllegalStateException("table circoflows-prod-transactions in arn:aws:dynamodb:eu-west-1 broke");
        }));

        assertEquals(500, response.statusCode());
        assertEquals(Map.of("success", false, "error", Map.of("code", "server_error",
                "message", "An unexpected error occurred.", "type", "api_error")), Responses.body(response));
        assertFalse(response.body().contains("IllegalStateException"));
        assertFalse(response.body().contains("arn:aws"));
        assertTrue(log.text().contains("unhandled_failure"), "operators still see it in the log");
        assertTrue(log.text().contains("IllegalStateException"));
    }

    @Test
    void dependencyOutageIsServiceUnavailableSoClientsRetry() {
        ApiResponse response = pipeline.handle(request(key.fullKey()), endpoint((r, c) -> {
            throw new RetryableFailure("ProvisionedThroughputExceeded on table circoflows-prod-transactions", null);
        }));

        assertEquals(503, response.statusCode());
        assertEquals("service_unavailable", Responses.error(response).get("code"));
        assertEquals("api_error", Responses.error(response).get("type"));
        assertFalse(response.body().contains("circoflows-prod"));
    }

    @Test
    void endpointErrorIsRenderedInTheErrorEnvelope() {
        ApiResponse response = pipeline.handle(request(key.fullKey()), endpoint((r, c) -> {
            throw ApiException.invalidParam("currency", "Currency must be a three-letter ISO 4217 code such as USD.");
        }));

        assertEquals(400, response.statusCode());
        assertEquals(Map.of("code", "invalid_request", "type", "invalid_request_error", "param", "currency",
                "message", "Currency must be a three-letter ISO 4217 code such as USD."), Responses.error(response));
    }

    @Test
    void requestIdIsReturnedForSupport() {
        ApiResponse response = pipeline.handle(ApiRequests.get("/api/health").bearer(key.fullKey())
                .requestId("req-42").build(), ok);

        assertEquals("req-42", response.headers().get("x-request-id"));
    }

    @Test
    void requestLogNamesTheRequestButNeverItsBody() {
        String pan = "4242424242424242";
        pipeline.handle(ApiRequests.post("/api/direct-payment", "{\"card_number\": \"" + pan + "\"}")
                .bearer(key.fullKey()).build(), ok);

        assertTrue(log.text().contains("\"path\":\"/api/direct-payment\""), log.text());
        assertTrue(log.text().contains(MERCHANT));
        assertFalse(log.text().contains(pan));
        assertFalse(log.text().contains(key.fullKey()));
    }

    @Test
    void healthCheckShowsTheKeysMerchantAndMode() {
        ApiResponse response = pipeline.handle(request(key.fullKey()), new HealthEndpoint(TestClocks.fixed()));

        assertEquals(200, response.statusCode());
        assertEquals("API is operational", Responses.body(response).get("message"));
        assertEquals(Map.of("status", "ok", "version", HealthEndpoint.API_VERSION, "merchant_id", MERCHANT,
                "mode", "test", "time", TestClocks.NOW_TEXT), Responses.data(response));
    }

    private static ApiRequest request(String apiKey) {
        ApiRequests builder = ApiRequests.get("/api/health");
        return (apiKey == null ? builder : builder.bearer(apiKey)).build();
    }

    private static RecordingEndpoint endpoint(BiFunction<ApiRequest, AuthenticatedKey, ApiResponse> logic) {
        return new RecordingEndpoint(RateLimitClass.PAYMENTS, logic);
    }

    private static class RecordingEndpoint implements MerchantEndpoint {
        private final RateLimitClass limitClass;
        private final BiFunction<ApiRequest, AuthenticatedKey, ApiResponse> logic;
        final List<AuthenticatedKey> callers = new ArrayList<>();

        RecordingEndpoint(RateLimitClass limitClass, BiFunction<ApiRequest, AuthenticatedKey, ApiResponse> logic) {
            this.limitClass = limitClass;
            this.logic = logic;
        }

        @Override
        public RateLimitClass rateLimitClass() {
            return limitClass;
        }

        @Override
        public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
            callers.add(caller);
            return logic.apply(request, caller);
        }
    }
}
