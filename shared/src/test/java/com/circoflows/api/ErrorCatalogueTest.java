package com.circoflows.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.ErrorType;
import com.circoflows.testing.Responses;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every error the API can answer with, as the contract (ARCHITECTURE.md + the reference) fixes it. */
class ErrorCatalogueTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        // the reference's tables
        "invalid_request,           400, invalid_request_error",
        "invalid_amount,            400, invalid_request_error",
        "invalid_currency,          400, invalid_request_error",
        "invalid_webhook_url,       400, invalid_request_error",
        "invalid_return_url,        400, invalid_request_error",
        "invalid_card,              400, card_error",
        "card_declined,             400, card_error",
        "insufficient_funds,        400, card_error",
        "expired_card,              400, card_error",
        "invalid_cvv,               400, card_error",
        "transaction_not_found,     404, invalid_request_error",
        "event_not_found,           404, invalid_request_error",
        "session_not_found,         404, invalid_request_error",
        "session_expired,           410, invalid_request_error",
        "session_already_completed, 409, invalid_request_error",
        "authentication_failed,     401, authentication_error",
        "rate_limit_exceeded,       429, rate_limit_error",
        "server_error,              500, api_error",
        // additions of this implementation
        "processing_error,          400, card_error",
        "3ds_authentication_failed, 400, card_error",
        "invalid_transaction_state, 409, invalid_request_error",
        "live_mode_not_enabled,     403, invalid_request_error",
        "not_found,                 404, invalid_request_error",
        "service_unavailable,       503, api_error",
        "session_payment_in_progress, 409, invalid_request_error",
        "idempotency_key_in_use,    409, idempotency_error",
        "idempotency_key_reused,    422, idempotency_error",
        "api_key_not_found,         404, invalid_request_error",
        "api_key_limit_reached,     400, invalid_request_error",
        "last_active_key,           409, invalid_request_error",
        "branding_version_conflict, 409, invalid_request_error",
        "test_mode_only,            403, invalid_request_error",
        "bank_credit_not_found,     404, invalid_request_error",
        "bank_credit_not_held,      409, invalid_request_error",
        // never an answer: the error a failed bank transfer carries (its transaction's error, payment.failed)
        "bank_transfer_expired,     400, invalid_request_error",
    })
    void errorIsAnsweredWithItsStatusAndType(String code, int status, String type) {
        ErrorCode errorCode = byCode(code);

        ApiResponse response = Envelope.error(new ApiException(errorCode));

        assertEquals(status, response.statusCode());
        Map<String, Object> body = Responses.body(response);
        assertEquals(false, body.get("success"));
        Map<String, Object> error = Responses.error(response);
        assertEquals(code, error.get("code"));
        assertEquals(type, error.get("type"));
        assertEquals(errorCode.defaultMessage(), error.get("message"));
        assertEquals("application/json", response.headers().get("content-type"));
    }

    @Test
    void catalogueHasNoCodeTheContractDoesNotList() {
        Set<String> known = Set.of("invalid_request", "invalid_amount", "invalid_currency", "invalid_webhook_url",
                "invalid_return_url", "invalid_card", "card_declined", "insufficient_funds", "expired_card",
                "invalid_cvv", "transaction_not_found", "authentication_failed", "rate_limit_exceeded",
                "server_error", "processing_error", "3ds_authentication_failed", "invalid_transaction_state",
                "live_mode_not_enabled", "not_found", "service_unavailable", "event_not_found", "webhook_endpoint_not_set",
                "webhook_endpoint_disabled",
                "session_not_found", "session_expired", "session_already_completed", "session_payment_in_progress",
                "idempotency_key_in_use", "idempotency_key_reused", "api_key_not_found", "api_key_limit_reached",
                "last_active_key", "branding_version_conflict", "bank_transfer_expired", "test_mode_only",
                "bank_credit_not_found", "bank_credit_not_held", "invalid_payment_token");

        Set<String> actual = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet());

        assertEquals(known, actual);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeHasAHelpfulDefaultMessage(ErrorCode code) {
        assertNotNull(code.defaultMessage());
        assertTrue(code.defaultMessage().endsWith("."), code.defaultMessage());
    }

    @Test
    void typesAreTheSixOfTheContract() {
        assertEquals(List.of("card_error", "invalid_request_error", "authentication_error", "rate_limit_error",
                "idempotency_error", "api_error"),
                Arrays.stream(ErrorType.values()).map(ErrorType::wireName).toList());
    }

    @Test
    void onlyServerSideFailuresAre5xx() {
        Set<ErrorCode> serverSide = EnumSet.noneOf(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            if (ErrorStatuses.of(code) >= 500) {
                serverSide.add(code);
            }
        }
        assertEquals(EnumSet.of(ErrorCode.SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE), serverSide);
        serverSide.forEach(code -> assertEquals(ErrorType.API_ERROR, code.type()));
    }

    @Test
    void cardErrorCarriesDeclineCodeAndParamWhenKnown() {
        ApiResponse response = Envelope.error(
                new ApiException(ErrorCode.CARD_DECLINED, "Your card was declined.", null, "insufficient_funds"));

        assertEquals(Map.of("code", "card_declined", "message", "Your card was declined.", "type", "card_error",
                "decline_code", "insufficient_funds"), Responses.error(response));
    }

    @Test
    void invalidFieldIsNamedInParam() {
        ApiResponse response = Envelope.error(ApiException.invalidParam("amount", "Bad amount."));

        assertEquals("amount", Responses.error(response).get("param"));
        assertFalse(Responses.error(response).containsKey("decline_code"));
    }

    @Test
    void errorWithoutParamOrDeclineCodeOmitsThem() {
        Map<String, Object> error = Responses.error(Envelope.error(new ApiException(ErrorCode.SERVER_ERROR)));

        assertEquals(Set.of("code", "message", "type"), error.keySet());
    }

    @Test
    void extraFieldsJoinTheErrorObject() {
        ApiResponse response = Envelope.error(new ApiException(ErrorCode.CARD_DECLINED),
                Map.of("transaction_id", "txn_X"));

        assertEquals("txn_X", Responses.error(response).get("transaction_id"));
    }

    @Test
    void successEnvelopeHasMessageOnlyWhenGiven() {
        ApiResponse withMessage = Envelope.ok(200, "Payment processed successfully", Map.of("k", "v"));
        ApiResponse without = Envelope.ok(200, null, Map.of("k", "v"));

        assertEquals(Map.of("success", true, "message", "Payment processed successfully", "data", Map.of("k", "v")),
                Responses.body(withMessage));
        assertEquals(Map.of("success", true, "data", Map.of("k", "v")), Responses.body(without));
        assertEquals("no-store", withMessage.headers().get("cache-control"));
    }

    private static ErrorCode byCode(String code) {
        return Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no error code " + code));
    }
}
