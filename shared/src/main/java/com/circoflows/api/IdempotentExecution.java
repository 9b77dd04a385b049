package com.circoflows.api;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.idempotency.IdempotencyKeys;
import com.circoflows.domain.idempotency.IdempotencyStore;
import com.circoflows.domain.idempotency.IdempotencyStore.Acquired;
import com.circoflows.domain.idempotency.IdempotencyStore.Existing;
import com.circoflows.domain.idempotency.StoredResponse;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a write request at most once per Idempotency-Key, with Stripe's semantics: the first
 * request's answer is saved and replayed (marked Idempotent-Replayed) for the same request; the same
 * key with another request is 422; while the first still runs, 409. Answers that say "retry" (5xx)
 * and failures outside the endpoint's control are not saved, so the retry runs again. An endpoint
 * whose answer shows a secret once names, with {@link ApiResponse#withReplay}, what is saved instead.
 * The record reserves the id of the object the request creates ({@link ApiRequest#newObjectId}); a
 * retry after a 5xx or a crash runs under the same id, so it meets what the failed attempt already did.
 */
final class IdempotentExecution {
    static final String HEADER = "idempotency-key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Headers of the first response worth replaying, in their wire case; request ids and rate limits are fresh each time. */
    private static final List<String> SAVED_HEADERS = List.of("Content-Type", "Cache-Control");
    private static final JsonLog LOG = JsonLog.get(IdempotentExecution.class);

    private final IdempotencyStore store;
    private final Clock clock;

    IdempotentExecution(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static boolean appliesTo(ApiRequest request) {
        return ("POST".equalsIgnoreCase(request.method()) || "PUT".equalsIgnoreCase(request.method()))
                && request.header(HEADER) != null;
    }

    /**
     * Runs {@code endpoint} under the request's key, handing it the request with the id the key's record
     * reserved; an ApiException or other failure it throws propagates.
     */
    ApiResponse run(ApiRequest request, AuthenticatedKey caller, Function<ApiRequest, ApiResponse> endpoint) {
        String key = request.header(HEADER);
        if (!IdempotencyKeys.isValid(key)) {
            throw ApiException.withParam(ErrorCode.INVALID_REQUEST, "Idempotency-Key",
                    "Idempotency-Key must be 1 to " + IdempotencyKeys.MAX_LENGTH + " printable ASCII characters.");
        }
        InboundText.check(key, "Idempotency-Key");
        String recordKey = IdempotencyKeys.recordKey(caller.merchantId(), caller.mode(), key);
        String fingerprint = IdempotencyKeys.fingerprint(request.method(), request.path(), request.body());
        String lockToken = RandomIds.base62(24);
        Instant now = clock.instant();
        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(recordKey, fingerprint, lockToken, IdempotencyKeys.newReservedId(), now,
                    now.plus(IdempotencyKeys.LOCK), now.plus(IdempotencyKeys.RETENTION));
        } catch (RuntimeException e) {
            LOG.warn("idempotency_store_unavailable", Map.of("request_id", String.valueOf(request.requestId()),
                    "reason", String.valueOf(e.getMessage())));
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
        }
        if (claim instanceof Existing existing) {
            return answerFor(existing, fingerprint);
        }
        ApiRequest reserved = request.withReservedId(((Acquired) claim).reservedId());
        ApiResponse response;
        try {
            try {
                response = endpoint.apply(reserved);
            } catch (ApiException e) {
                response = Envelope.error(e);
            }
        } catch (RuntimeException e) {
            releaseQuietly(recordKey, lockToken, request);
            throw e;
        }
        if (response.statusCode() >= 500) {
            releaseQuietly(recordKey, lockToken, request);
            return response;
        }
        try {
            if (!store.complete(recordKey, lockToken, saved(response))) {
                LOG.warn("idempotency_record_lost", Map.of("request_id", String.valueOf(request.requestId())));
            }
        } catch (RuntimeException e) {
            // The request did run: answer it. The record stays in progress until its lock runs out.
            LOG.warn("idempotency_result_not_saved", Map.of("request_id", String.valueOf(request.requestId()),
                    "reason", String.valueOf(e.getMessage())));
        }
        return response;
    }

    private static ApiResponse answerFor(Existing existing, String fingerprint) {
        if (!existing.fingerprint().equals(fingerprint)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        if (existing.inProgress()) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
        }
        StoredResponse stored = existing.response();
        Map<String, String> headers = new LinkedHashMap<>();
        // Records saved before names kept their wire case hold them in lower case.
        stored.headers().forEach((name, value) -> headers.put(
                SAVED_HEADERS.stream().filter(name::equalsIgnoreCase).findFirst().orElse(name), value));
        headers.put(REPLAYED_HEADER, "true");
        return new ApiResponse(stored.status(), headers, stored.body());
    }

    private static StoredResponse saved(ApiResponse answered) {
        ApiResponse response = answered.replayable();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : SAVED_HEADERS) {
            String value = response.headers().get(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredResponse(response.statusCode(), headers, response.body());
    }

    private void releaseQuietly(String recordKey, String lockToken, ApiRequest request) {
        try {
            store.release(recordKey, lockToken);
        } catch (RuntimeException e) {
            // The lock runs out on its own after IdempotencyKeys.LOCK; until then a retry gets 409.
            LOG.warn("idempotency_release_failed", Map.of("request_id", String.valueOf(request.requestId()),
                    "reason", String.valueOf(e.getMessage())));
        }
    }
}
