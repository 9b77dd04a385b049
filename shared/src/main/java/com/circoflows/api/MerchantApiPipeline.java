package com.circoflows.api;

import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.idempotency.IdempotencyStore;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
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
            boolean[] bcryptReached = {false};
            try {
                caller = authenticator.authenticate(request.header("authorization"), () -> {
                    refuseIfOverFailureBudget(request);
                    bcryptReached[0] = true;
                });
            } catch (OverFailureBudget overBudget) {
                limit = overBudget.budget;
                throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED);
            } catch (ApiException authenticationFailure) {
                // Wrong secrets for a known key id are limited per client address, so nobody can make us
                // burn bcrypt at will. A missing, malformed, unknown or revoked key costs no bcrypt: it is
                // refused without spending the address's budget, which its headers still show.
                if (!bcryptReached[0]) {
                    limit = rateLimiter.peek(RateLimitClass.AUTHENTICATION, failureSubject(request));
                    throw authenticationFailure;
                }
                limit = rateLimiter.consume(RateLimitClass.AUTHENTICATION, failureSubject(request));
                throw limit.allowed() ? authenticationFailure : new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED);
            }
            merchantId = caller.merchantId();
            LogContext.merchant(merchantId);
            limit = rateLimiter.consume(endpoint.rateLimitClass(), caller.keyId());
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

    /** An address already over its failed-attempt budget gets 429 before any bcrypt is spent on it. */
    private void refuseIfOverFailureBudget(ApiRequest request) {
        RateLimitDecision budget = rateLimiter.peek(RateLimitClass.AUTHENTICATION, failureSubject(request));
        if (!budget.allowed()) {
            throw new OverFailureBudget(budget);
        }
    }

    private static String failureSubject(ApiRequest request) {
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
