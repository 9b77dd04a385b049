package com.circoflows.api.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.Responses;
import com.circoflows.testing.ScriptedCardGateway;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfirmThreeDSecureEndpointTest {
    private final ScriptedCardGateway gateway = new ScriptedCardGateway();
    private final PaymentWorld world = PaymentWorld.withGateway(gateway);
    private final ConfirmThreeDSecureEndpoint endpoint = new ConfirmThreeDSecureEndpoint(world.threeDSecure,
            new PublicUrls(Optional.of("http://localhost:3000")));
    private final Transaction pending = world.pendingChallenge();
    private final String id = pending.transactionId();
    private final String gatewayId = pending.gatewayTransactionId();

    @Test
    void confirmationsCountAgainstThePaymentLimit() {
        assertEquals(RateLimitClass.PAYMENTS, endpoint.rateLimitClass());
    }

    @Test
    void confirmAfterPassedChallengeCompletesWithTheReferenceBody() {
        world.challenges.recordChallenge(id, true);

        ApiResponse response = confirm(PaymentWorld.MERCHANT_A, id, "success", gatewayId);

        assertEquals(200, response.statusCode());
        assertEquals(Map.of("success", true, "message", "3D Secure authentication confirmed", "data", Map.of(
                "transaction_id", id,
                "status", "completed",
                "gateway_transaction_id", gatewayId,
                "webhook_queued", true)), Responses.body(response));
        assertEquals(TransactionStatus.COMPLETED, world.stored(id).status());
    }

    @Test
    void theReferencesOwnBodyWithTransactionIdConfirms() {
        world.challenges.recordChallenge(id, true);

        ApiResponse response = endpoint.handle(request(id, "{\"transaction_id\": \"" + id
                + "\", \"status\": \"success\", \"gateway_id\": \"" + gatewayId + "\"}"), PaymentWorld.MERCHANT_A);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("completed", Responses.data(response).get("status"));
        assertEquals(TransactionStatus.COMPLETED, world.stored(id).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"txn_000000000000000000000000", "", "TXN", "x"})
    void aTransactionIdInTheBodyOtherThanThePathsIsRefusedNamingIt(String other) {
        world.challenges.recordChallenge(id, true);

        ApiException e = assertThrows(ApiException.class, () -> endpoint.handle(request(id, "{\"transaction_id\": \""
                + other + "\", \"status\": \"success\", \"gateway_id\": \"" + gatewayId + "\"}"),
                PaymentWorld.MERCHANT_A));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("transaction_id", e.param());
        assertEquals(pending.status(), world.stored(id).status(), "nothing confirmed");
    }

    @Test
    void confirmWithoutPassedChallengeIsRefused() {
        ApiException e = refused(PaymentWorld.MERCHANT_A, id, "success", gatewayId, ErrorCode.INVALID_TRANSACTION_STATE);

        assertEquals(409, Envelope.error(e).statusCode());
        assertEquals(pending, world.stored(id));
    }

    @Test
    void confirmPendingBeforeTheChallengeRepeatsThe202WithTheChallengeUrl() {
        ApiResponse response = confirm(PaymentWorld.MERCHANT_A, id, "pending", gatewayId);

        assertEquals(202, response.statusCode());
        Map<String, Object> data = Responses.data(response);
        assertEquals(true, data.get("requires_action"));
        assertEquals(Map.of("3ds_url", "http://localhost:3000/pay/3ds/" + id), data.get("action_data"));
        assertEquals(false, data.get("webhook_queued"));
    }

    @Test
    void confirmAfterFailedChallengeIsCardErrorAndTransactionStaysFailed() {
        world.challenges.recordChallenge(id, false);
        Transaction failed = world.stored(id);

        ApiException e = refused(PaymentWorld.MERCHANT_A, id, "success", gatewayId, ErrorCode.THREE_D_SECURE_FAILED);

        ApiResponse response = Envelope.error(e);
        assertEquals(400, response.statusCode());
        assertEquals(Map.of("code", "3ds_authentication_failed", "type", "card_error",
                "decline_code", "authentication_failed",
                "message", "3-D Secure authentication failed; the payment was not completed."),
                Responses.error(response));
        assertEquals(failed, world.stored(id));
    }

    @Test
    void merchantReportingTheFailedChallengeIsAcknowledged() {
        world.challenges.recordChallenge(id, false);

        ApiResponse response = confirm(PaymentWorld.MERCHANT_A, id, "failed", gatewayId);

        assertEquals(200, response.statusCode());
        assertEquals("failed", Responses.data(response).get("status"));
        assertEquals(false, Responses.data(response).get("webhook_queued"), "payment.failed went out already");
    }

    @Test
    void issuerDeclineAfterThePassedChallengeIsACardErrorNamingTheTransaction() {
        gateway.answerCompletionsWith(gw -> new GatewayResult.Declined(gw, ErrorCode.CARD_DECLINED,
                "generic_decline", "Your card was declined."));
        world.challenges.recordChallenge(id, true);

        ApiResponse response = confirm(PaymentWorld.MERCHANT_A, id, "success", gatewayId);

        assertEquals(400, response.statusCode());
        assertEquals(Map.of("code", "card_declined", "type", "card_error", "decline_code", "generic_decline",
                "message", "Your card was declined.", "transaction_id", id), Responses.error(response));
    }

    @Test
    void confirmWithWrongGatewayIdNamesParam() {
        world.challenges.recordChallenge(id, true);

        ApiException e = refused(PaymentWorld.MERCHANT_A, id, "success", "gw_AAAAAAAAAAAAAAAAAAAAAAAA",
                ErrorCode.INVALID_REQUEST);

        assertEquals("gateway_id", e.param());
        assertEquals(TransactionStatus.PENDING, world.stored(id).status());
        assertTrue(gateway.completions().isEmpty());
    }

    @Test
    void otherMerchantsTransactionIsNotFound() {
        world.challenges.recordChallenge(id, true);

        refused(PaymentWorld.MERCHANT_B, id, "success", gatewayId, ErrorCode.TRANSACTION_NOT_FOUND);

        assertEquals(TransactionStatus.PENDING, world.stored(id).status());
    }

    @Test
    void malformedTransactionIdIsNotFound() {
        refused(PaymentWorld.MERCHANT_A, "txn_nope", "success", gatewayId, ErrorCode.TRANSACTION_NOT_FOUND);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"gateway_id\": \"GW\"}                                  | status",
        "{\"status\": \"success\"}                                 | gateway_id",
        "{\"status\": \"authenticated\", \"gateway_id\": \"GW\"}   | status",
        "{\"status\": \"\", \"gateway_id\": \"GW\"}                | status",
        "{\"status\": true, \"gateway_id\": \"GW\"}                | status",
        "{\"status\": \"success\", \"gateway_id\": 42}             | gateway_id",
        "{\"status\": \"success\", \"gateway_id\": \"GW\", \"cvv\": \"123\"} | cvv",
    })
    void badBodyNamesTheField(String body, String param) {
        ApiException e = assertThrows(ApiException.class, () -> endpoint.handle(
                request(id, body.replace("GW", gatewayId)), PaymentWorld.MERCHANT_A));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals(param, e.param());
    }

    @Test
    void malformedJsonIsInvalidRequest() {
        ApiException e = assertThrows(ApiException.class,
                () -> endpoint.handle(request(id, "{\"status\": "), PaymentWorld.MERCHANT_A));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    }

    private ApiResponse confirm(AuthenticatedKey caller, String transactionId, String status, String claimedGatewayId) {
        return endpoint.handle(request(transactionId,
                "{\"status\": \"" + status + "\", \"gateway_id\": \"" + claimedGatewayId + "\"}"), caller);
    }

    private ApiException refused(AuthenticatedKey caller, String transactionId, String status, String claimedGatewayId,
            ErrorCode code) {
        ApiException e = assertThrows(ApiException.class, () -> confirm(caller, transactionId, status, claimedGatewayId));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static ApiRequest request(String transactionId, String body) {
        return ApiRequests.post("/api/direct-payment/" + transactionId + "/confirm-3ds", body)
                .pathParam("transaction_id", transactionId).build();
    }
}
