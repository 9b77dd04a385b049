package com.circoflows.api;

import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.idempotency.IdempotencyStore;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyRefused;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.ratelimit.RateLimitDecision;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.observability.JsonLog;
import com.circoflows.observability.LogContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every /api request goes through: API key, rate limit, the Idempotency-Key of a write (when
 * the pipeline has a store), the endpoint, and the mapping of every failure to the error envelope.
 * Nothing unexpected leaves as more than a server_error.
 */
public final class MerchantApiPipeline {
    private static final JsonLog LOG = JsonLog.get(MerchantApiPipeline.class);

    private final ApiKeyAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final IdempotentExecution idempotency;

    /** For read-only routes: an Idempotency-Key header is ignored, as Stripe ignores it on GET. */
    public MerchantApiPipeline(ApiKeyAuthenticator authenticator, RateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.idempotency = null;
    }

    /** For routes that write (POST, PUT): honours Idempotency-Key through {@code store}. */
    public MerchantApiPipeline(ApiKeyAuthenticator authenticator, RateLimiter rateLimiter, IdempotencyStore store,
            Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.idempotency = new IdempotentExecution(store, clock);
    }

    public ApiResponse handle(ApiRequest request, MerchantEndpoint endpoint) {
        long started = System.nanoTime();
        RateLimitDecision limit = null;
        String merchantId = null;
        ApiResponse response;
        try {
            AuthenticatedKey caller;
            try {
                caller = authenticate(request, endpoint.managesCredentials());
                limit = rateLimiter.consume(endpoint.rateLimitClass(), caller.keyId());
                if (limit.subjectRevoked()) {
                    // Revoked through another container while this one's cache still vouched for the key:
                    // the key table decides, and refuses it.
                    caller = authenticate(request, true);
                }
            } catch (OverFailureBudget overBudget) {
                limit = overBudget.budget;
                throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED);
            } catch (ApiKeyRefused refused) {
                limit = countFailure(refused, request);
                throw limit.allowed() ? refused : new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED);
            }
            merchantId = caller.merchantId();
            LogContext.merchant(merchantId);
            if (!limit.allowed()) {
                throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests: the limit is "
                        + limit.limit() + " per minute for this API key. Retry after " + limit.retryAfterSeconds()
                        + " s.");
            }
            if (idempotency != null && IdempotentExecution.appliesTo(request)) {
                AuthenticatedKey authenticated = caller;
                response = idempotency.run(request, caller, reserved -> endpoint.handle(reserved, authenticated));
            } else {
                response = endpoint.handle(request, caller);
            }
        } catch (ApiException e) {
            response = Envelope.error(e);
        } catch (RetryableFailure e) {
            LOG.warn("dependency_unavailable", Map.of("request_id", String.valueOf(request.requestId()),
                    "reason", String.valueOf(e.getMessage())));
            response = Envelope.error(new ApiException(ErrorCode.SERVICE_UNAVAILABLE));
        } catch (RuntimeException e) {
            LOG.error("unhandled_failure", Map.of("request_id", String.valueOf(request.requestId())), e);
            response = Envelope.error(new ApiException(ErrorCode.SERVER_ERROR));
        }
        response = response.withHeaders(headers(request, limit, response.statusCode()));
        logRequest(request, response, merchantId, started);
        return response;
    }

    /** @param againstStore whether the key table must decide, whatever this container's cache remembers */
    private AuthenticatedKey authenticate(ApiRequest request, boolean againstStore) {
        String header = request.header("authorization");
        return againstStore
                ? authenticator.authenticateAgainstStore(header, this::refuseIfOverFailureBudget)
                : authenticator.authenticate(header, this::refuseIfOverFailureBudget);
    }

    /**
     * A refused key is counted against the key id it names, or, when it names no stored key, against
     * the client's address. Not counted, their headers showing the budget as it stands: a request that
     * holds no usable key (it costs nothing and names nothing), and a revoked key, which stays 401
     * because retrying later would not help. Guessing a secret (about 190 bits) or a
     * lookup id (about 95) is hopeless at any rate, so these budgets only tell a noisy client to back
     * off: they turn its 401s into 429s and never refuse a correct key, so one merchant's attacker, or
     * a neighbour behind the same address, cannot lock another merchant out.
     */
    private RateLimitDecision countFailure(ApiKeyRefused refused, ApiRequest request) {
        return switch (refused.presented()) {
            case KNOWN_KEY_ID -> rateLimiter.consume(RateLimitClass.AUTHENTICATION, failedKeySubject(refused.keyId()));
            case UNKNOWN_KEY_ID -> rateLimiter.consume(RateLimitClass.AUTHENTICATION, addressSubject(request));
            case REVOKED_KEY_ID -> rateLimiter.peek(RateLimitClass.AUTHENTICATION, failedKeySubject(refused.keyId()));
            case NO_KEY -> rateLimiter.peek(RateLimitClass.AUTHENTICATION, addressSubject(request));
        };
    }

    /**
     * The one exception to "never refuse a correct key": a key still stored with a legacy bcrypt hash
     * (until its next successful use) whose key id is over its failure budget gets 429 before bcrypt
     * is spent on it, so nobody can make the API burn CPU at will through such a key.
     */
    private void refuseIfOverFailureBudget(String keyId) {
        RateLimitDecision budget = rateLimiter.peek(RateLimitClass.AUTHENTICATION, failedKeySubject(keyId));
        if (!budget.allowed()) {
            throw new OverFailureBudget(budget);
        }
    }

    /** Lookup ids are base62, so this never meets the bucket of the key's own successful calls. */
    private static String failedKeySubject(String keyId) {
        return "failed-key:" + keyId;
    }

    private static String addressSubject(ApiRequest request) {
        return "ip:" + request.sourceIp();
    }

    private static Map<String, String> headers(ApiRequest request, RateLimitDecision limit, int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (request.requestId() != null) {
            headers.put("X-Request-Id", request.requestId());
        }
        if (limit != null) {
            headers.put("X-RateLimit-Limit", Integer.toString(limit.limit()));
            headers.put("X-RateLimit-Remaining", Integer.toString(limit.remaining()));
            headers.put("X-RateLimit-Reset", Long.toString(limit.resetEpochSeconds()));
            if (status == 429) {
                headers.put("Retry-After", Long.toString(limit.retryAfterSeconds()));
            }
        }
        return headers;
    }

    private static final class OverFailureBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RateLimitDecision budget;

        OverFailureBudget(RateLimitDecision budget) {
            super(null, null, false, false);
            this.budget = budget;
        }
    }

    private static void logRequest(ApiRequest request, ApiResponse response, String merchantId, long started) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request_id", request.requestId());
        fields.put("method", request.method());
        // A path is logged as it came, and it may hold a card number (a mistyped URL): masked here, as it
        // cannot be refused before it is seen.
        fields.put("path", CardNumberDetector.mask(request.path()));
        fields.put("status", response.statusCode());
        fields.put("merchant_id", merchantId);
        fields.put("duration_ms", (System.nanoTime() - started) / 1_000_000);
        LOG.info("request", fields);
    }
}
