package com.circoflows.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.idempotency.IdempotencyKeys;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryIdempotencyStore;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.Responses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Idempotency-Key rules of the pipeline, on the in-memory store. */
class IdempotentPipelineTest {
    private static final String PATH = "/api/direct-payment";
    private static final String BODY = "{\"amount\":1000,\"currency\":\"USD\"}";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final CountingSecretHasher legacyHasher = CountingSecretHasher.fastBcrypt();
    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final MerchantApiPipeline pipeline = new MerchantApiPipeline(
            new ApiKeyAuthenticator(keys, hasher, legacyHasher,
                    new VerifiedKeyCache(Duration.ofSeconds(60), new ManualNanoClock()), clock),
            new RateLimiter(new InMemoryRateLimitCounter(), clock), store, clock);
    private final IssuedApiKey merchantA = new ApiKeyIssuer(keys, hasher, clock).issue("mch_AAAAAAAAAAAAAAAAAAAA", Mode.TEST);
    private final IssuedApiKey merchantB = new ApiKeyIssuer(keys, hasher, clock).issue("mch_BBBBBBBBBBBBBBBBBBBB", Mode.TEST);
    private final AtomicInteger runs = new AtomicInteger();
    private final CountingEndpoint charge = new CountingEndpoint(c -> Envelope.ok(200, "Payment processed successfully",
            Map.of("transaction_id", "txn_" + runs.get(), "merchant_id", c.merchantId())));

    @Test
    void retryWithTheSameKeyReplaysTheFirstAnswerByteForByteAndMarksIt() {
        ApiResponse first = pipeline.handle(post(merchantA, "key-1", BODY), charge);
        ApiResponse replay = pipeline.handle(post(merchantA, "key-1", BODY), charge);

        assertEquals(1, runs.get(), "the endpoint ran once");
        assertEquals(200, replay.statusCode());
        assertEquals(first.body(), replay.body());
        assertEquals("true", replay.headers().get("idempotent-replayed"));
        assertNull(first.headers().get("idempotent-replayed"));
        assertEquals("application/json", replay.headers().get("content-type"));
        assertEquals("no-store", replay.headers().get("cache-control"));
        // The replay still counts against the key's rate limit, and says so.
        assertEquals("99", first.headers().get("x-ratelimit-remaining"));
        assertEquals("98", replay.headers().get("x-ratelimit-remaining"));
    }

    @Test
    void sameKeyWithAnotherBodyIs422Reused() {
        pipeline.handle(post(merchantA, "key-1", BODY), charge);

        ApiResponse reused = pipeline.handle(post(merchantA, "key-1", BODY.replace("1000", "2000")), charge);

        assertEquals(422, reused.statusCode());
        assertEquals("idempotency_key_reused", Responses.error(reused).get("code"));
        assertEquals("idempotency_error", Responses.error(reused).get("type"));
        assertEquals(1, runs.get());
    }

    @Test
    void sameKeyOnAnotherPathIs422Reused() {
        pipeline.handle(post(merchantA, "key-1", BODY), charge);

        ApiResponse reused = pipeline.handle(ApiRequests.post("/api/hosted-payment", BODY).bearer(merchantA.fullKey())
                .header("idempotency-key", "key-1").build(), charge);

        assertEquals(422, reused.statusCode());
    }

    @Test
    void sameKeyWhileTheFirstStillRunsIs409InUse() {
        ApiResponse[] inner = new ApiResponse[1];
        CountingEndpoint slow = new CountingEndpoint(c -> {
            inner[0] = pipeline.handle(post(merchantA, "key-1", BODY), charge);
            return Envelope.ok(200, "done", Map.of());
        });

        ApiResponse outer = pipeline.handle(post(merchantA, "key-1", BODY), slow);

        assertEquals(200, outer.statusCode());
        assertEquals(409, inner[0].statusCode());
        assertEquals("idempotency_key_in_use", Responses.error(inner[0]).get("code"));
        assertEquals("idempotency_error", Responses.error(inner[0]).get("type"));
        assertEquals(0, runs.get(), "the second request never ran");
    }

    @Test
    void aRecordLeftInProgressByACrashedInvocationIsTakenOverAfterTheLock() {
        // A crash: the endpoint never returns, so the record is neither completed nor released.
        CountingEndpoint crashes = new CountingEndpoint(c -> {
            throw new Error("the invocation died");
        });
        try {
            pipeline.handle(post(merchantA, "key-1", BODY), crashes);
        } catch (Error expected) {
            // as Lambda would see it
        }
        assertEquals(409, pipeline.handle(post(merchantA, "key-1", BODY), charge).statusCode());

        clock.advance(IdempotencyKeys.LOCK.minusMillis(1));
        assertEquals(409, pipeline.handle(post(merchantA, "key-1", BODY), charge).statusCode());
        clock.advance(Duration.ofMillis(1));
        ApiResponse takenOver = pipeline.handle(post(merchantA, "key-1", BODY), charge);

        assertEquals(200, takenOver.statusCode());
        assertEquals(1, runs.get());
        assertEquals(takenOver.body(), pipeline.handle(post(merchantA, "key-1", BODY), charge).body());
    }

    @Test
    void theRetryThatTakesOverACrashedRequestCreatesTheObjectUnderTheSameIdTheCrashedOneUsed() {
        List<String> idsSeen = new ArrayList<>();
        CountingEndpoint crashesOnce = new CountingEndpoint((c, request) -> {
            idsSeen.add(request.newObjectId("txn_"));
            if (idsSeen.size() == 1) {
                throw new Error("the invocation died after charging under its id");
            }
            return Envelope.ok(200, "ok", Map.of());
        });
        assertThrows(Error.class, () -> pipeline.handle(post(merchantA, "key-1", BODY), crashesOnce));
        clock.advance(IdempotencyKeys.LOCK);

        pipeline.handle(post(merchantA, "key-1", BODY), crashesOnce);
        pipeline.handle(post(merchantA, "key-2", BODY), crashesOnce);
        pipeline.handle(ApiRequests.post(PATH, BODY).bearer(merchantA.fullKey()).build(), crashesOnce);
        pipeline.handle(ApiRequests.post(PATH, BODY).bearer(merchantA.fullKey()).build(), crashesOnce);

        assertEquals(5, idsSeen.size());
        assertTrue(idsSeen.get(0).matches("txn_[0-9A-Za-z]{24}"), idsSeen.get(0));
        assertEquals(idsSeen.get(0), idsSeen.get(1), "the takeover");
        assertEquals(5 - 1, new HashSet<>(idsSeen).size(), "another key, and requests without one, get ids of their own");
    }

    @Test
    void aServerSideFailureIsNotSavedSoTheRetryRunsAgain() {
        CountingEndpoint unavailable = new CountingEndpoint(c -> {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
        });
        assertEquals(503, pipeline.handle(post(merchantA, "key-1", BODY), unavailable).statusCode());
        CountingEndpoint dependencyDown = new CountingEndpoint(c -> {
            throw new RetryableFailure("DynamoDB down", null);
        });
        assertEquals(503, pipeline.handle(post(merchantA, "key-1", BODY), dependencyDown).statusCode());
        CountingEndpoint bug = new CountingEndpoint(c -> {
            throw new IllegalStateException("bug");
        });
        assertEquals(500, pipeline.handle(post(merchantA, "key-1", BODY), bug).statusCode());

        ApiResponse retry = pipeline.handle(post(merchantA, "key-1", BODY), charge);

        assertEquals(200, retry.statusCode());
        assertEquals(1, runs.get());
        assertNull(retry.headers().get("idempotent-replayed"));
    }

    @Test
    void aRetryAfterAServerSideFailureRunsUnderTheSameReservedIdAndTheKeyStaysBoundToItsRequest() {
        List<String> idsSeen = new ArrayList<>();
        CountingEndpoint failsOnce = new CountingEndpoint((c, request) -> {
            idsSeen.add(request.newObjectId("txn_"));
            if (idsSeen.size() == 1) {
                throw new RetryableFailure("DynamoDB throttled after the gateway approved", null);
            }
            return Envelope.ok(200, "ok", Map.of());
        });
        assertEquals(503, pipeline.handle(post(merchantA, "key-1", BODY), failsOnce).statusCode());

        assertEquals(422, pipeline.handle(post(merchantA, "key-1", BODY.replace("1000", "2000")), failsOnce)
                .statusCode());
        assertEquals(200, pipeline.handle(post(merchantA, "key-1", BODY), failsOnce).statusCode());

        assertEquals(2, idsSeen.size());
        assertEquals(idsSeen.get(0), idsSeen.get(1), "the gateway sees the failed attempt's transaction id again");
    }

    @Test
    void aDeclineIsSavedAndReplayedWithoutASecondAttempt() {
        CountingEndpoint declines = new CountingEndpoint(c -> {
            runs.incrementAndGet();
            throw new ApiException(ErrorCode.CARD_DECLINED, "Your card was declined.", null, "generic_decline");
        });

        ApiResponse first = pipeline.handle(post(merchantA, "key-1", BODY), declines);
        ApiResponse again = pipeline.handle(post(merchantA, "key-1", BODY), declines);

        assertEquals(400, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().get("idempotent-replayed"));
        assertEquals(1, runs.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "caf\u00e9", "tab\there", "new\nline"})
    void malformedKeyIs400NamingTheHeader(String key) {
        ApiResponse response = pipeline.handle(post(merchantA, key, BODY), charge);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request", Responses.error(response).get("code"));
        assertEquals("Idempotency-Key", Responses.error(response).get("param"));
        assertEquals(0, runs.get());
    }

    @Test
    void keyOf255CharactersIsAcceptedAnd256Refused() {
        assertEquals(200, pipeline.handle(post(merchantA, "k".repeat(255), BODY), charge).statusCode());
        assertEquals(400, pipeline.handle(post(merchantA, "k".repeat(256), BODY), charge).statusCode());
    }

    @Test
    void withoutTheHeaderEveryRequestRunsAsBefore() {
        ApiRequest plain = ApiRequests.post(PATH, BODY).bearer(merchantA.fullKey()).build();

        ApiResponse first = pipeline.handle(plain, charge);
        ApiResponse second = pipeline.handle(plain, charge);

        assertEquals(2, runs.get());
        assertFalse(first.body().equals(second.body()));
        assertNull(second.headers().get("idempotent-replayed"));
        assertEquals(0, store.size());
    }

    @Test
    void readsIgnoreTheHeader() {
        ApiRequest get = ApiRequests.get(PATH + "/txn_1").bearer(merchantA.fullKey())
                .header("idempotency-key", "key-1").build();

        pipeline.handle(get, charge);
        pipeline.handle(get, charge);

        assertEquals(2, runs.get());
        assertEquals(0, store.size());
    }

    @Test
    void keysAreScopedPerMerchant() {
        ApiResponse a = pipeline.handle(post(merchantA, "shared-key", BODY), charge);
        ApiResponse b = pipeline.handle(post(merchantB, "shared-key", BODY), charge);

        assertEquals(2, runs.get());
        assertNull(b.headers().get("idempotent-replayed"));
        assertEquals("mch_AAAAAAAAAAAAAAAAAAAA", Responses.data(a).get("merchant_id"));
        assertEquals("mch_BBBBBBBBBBBBBBBBBBBB", Responses.data(b).get("merchant_id"));
    }

    @Test
    void keysAreScopedPerMode() {
        assertFalse(IdempotencyKeys.recordKey("mch_A", Mode.TEST, "k").equals(IdempotencyKeys.recordKey("mch_A", Mode.LIVE, "k")));
    }

    @Test
    void whenTheStoreFailsTheAnswerIs503AndTheEndpointNeverRuns() {
        store.failWith(new RetryableFailure("DynamoDB throttled", null));

        ApiResponse response = pipeline.handle(post(merchantA, "key-1", BODY), charge);

        assertEquals(503, response.statusCode());
        assertEquals("service_unavailable", Responses.error(response).get("code"));
        assertEquals(0, runs.get());
    }

    @Test
    void aKeyIsFreeAgainAfter24Hours() {
        pipeline.handle(post(merchantA, "key-1", BODY), charge);
        clock.advance(IdempotencyKeys.RETENTION);

        ApiResponse later = pipeline.handle(post(merchantA, "key-1", BODY.replace("1000", "5")), charge);

        assertEquals(200, later.statusCode());
        assertEquals(2, runs.get());
    }

    @Test
    void anAnswerShowingASecretOnceIsReplayedAsTheReplacementItNamesAndOnlyThatIsSaved() {
        CountingEndpoint showsSecret = new CountingEndpoint(c -> Envelope.ok(200, "shown once",
                Map.of("id", "obj_1", "secret", "s3cr3t-shown-once"))
                .withReplay(Envelope.ok(200, "created earlier", Map.of("id", "obj_1"))));

        ApiResponse first = pipeline.handle(post(merchantA, "key-1", BODY), showsSecret);
        ApiResponse replay = pipeline.handle(post(merchantA, "key-1", BODY), showsSecret);

        assertEquals("s3cr3t-shown-once", Responses.data(first).get("secret"));
        assertEquals(Map.of("id", "obj_1"), Responses.data(replay));
        assertEquals("created earlier", Responses.body(replay).get("message"));
        assertEquals("true", replay.headers().get("idempotent-replayed"));
        assertFalse(store.savedBodies().get(0).contains("s3cr3t-shown-once"));
    }

    private static ApiRequest post(IssuedApiKey key, String idempotencyKey, String body) {
        return ApiRequests.post(PATH, body).bearer(key.fullKey()).header("idempotency-key", idempotencyKey).build();
    }

    private final class CountingEndpoint implements MerchantEndpoint {
        private final BiFunction<AuthenticatedKey, ApiRequest, ApiResponse> logic;

        CountingEndpoint(Function<AuthenticatedKey, ApiResponse> logic) {
            this((caller, request) -> logic.apply(caller));
        }

        CountingEndpoint(BiFunction<AuthenticatedKey, ApiRequest, ApiResponse> logic) {
            this.logic = logic;
        }

        @Override
        public RateLimitClass rateLimitClass() {
            return RateLimitClass.PAYMENTS;
        }

        @Override
        public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
            if (this == charge) {
                runs.incrementAndGet();
            }
            return logic.apply(caller, request);
        }
    }
}
