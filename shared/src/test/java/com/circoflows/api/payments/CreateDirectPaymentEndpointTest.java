package com.circoflows.api.payments;

import com.circoflows.api.ErrorStatuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.Responses;
import com.circoflows.testing.TestCardData;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.circoflows.testing.BankTransferWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Isolated
class CreateDirectPaymentEndpointTest {
    private final PaymentWorld world = PaymentWorld.create();
    private final CreateDirectPaymentEndpoint endpoint = new CreateDirectPaymentEndpoint(
            new DirectPaymentRequestParser(new MerchantUrlPolicy(false), world.clock), world.payments,
            new BankTransferWorld().payments, world.wallets, new PublicUrls(Optional.of("https://pay.circoflows.test")));

    @Test
    void paymentsCountAgainstThePaymentLimit() {
        assertEquals(RateLimitClass.PAYMENTS, endpoint.rateLimitClass());
    }

    @Test
    void completedPaymentIs200WithTheReferenceBody() {
        ApiResponse response = pay(TestCardData.quickStartJson(TestCards.SUCCESS));

        assertEquals(200, response.statusCode());
        Transaction stored = world.transactions.all().get(0);
        assertEquals(Map.of("success", true, "message", "Payment processed successfully", "data", Map.of(
                "transaction_id", stored.transactionId(),
                "amount", 1000,
                "currency", "USD",
                "status", "completed",
                "gateway_transaction_id", stored.gatewayTransactionId(),
                "created_at", TestClocks.NOW_TEXT,
                "webhook_queued", true)), Responses.body(response));
        assertEquals(List.of("transaction_id", "amount", "currency", "status", "gateway_transaction_id",
                "created_at", "webhook_queued"), List.copyOf(Responses.data(response).keySet()));
    }

    @Test
    void threeDSecureCardIs202WithTheChallengeUrl() {
        ApiResponse response = pay(TestCardData.quickStartJson(TestCards.THREE_D_SECURE_REQUIRED));

        assertEquals(202, response.statusCode());
        Map<String, Object> body = Responses.body(response);
        assertEquals(true, body.get("success"));
        assertEquals("3D Secure authentication required", body.get("message"));
        Transaction stored = world.transactions.all().get(0);
        Map<String, Object> data = Responses.data(response);
        assertEquals("pending", data.get("status"));
        assertEquals(true, data.get("requires_action"));
        assertEquals("3ds_authentication", data.get("action_type"));
        assertEquals(Map.of("3ds_url", "https://pay.circoflows.test/pay/3ds/" + stored.transactionId()),
                data.get("action_data"));
        assertEquals(stored.gatewayTransactionId(), data.get("gateway_transaction_id"));
        assertEquals(TestClocks.NOW_TEXT, data.get("created_at"));
        assertEquals(true, data.get("webhook_queued"), "payment.pending was queued");
    }

    @Test
    void declinedCardIs400CardErrorNamingTheStoredTransaction() {
        ApiResponse response = pay(TestCardData.quickStartJson(TestCards.DECLINED));

        assertEquals(400, response.statusCode());
        Transaction stored = world.transactions.all().get(0);
        assertEquals(Map.of("success", false, "error", Map.of(
                "code", "card_declined",
                "message", "Your card was declined.",
                "type", "card_error",
                "decline_code", "generic_decline",
                "transaction_id", stored.transactionId())), Responses.body(response));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(nullValues = "-", value = {
        "4242424242424242, 200, -,                  -",
        "4000000000003220, 202, -,                  -",
        "4000000000000002, 400, card_declined,      generic_decline",
        "4000000000009995, 400, insufficient_funds, insufficient_funds",
        "4000000000000069, 400, expired_card,       expired_card",
        "4000000000000127, 400, invalid_cvv,        incorrect_cvc",
        "4000000000000119, 400, processing_error,   -",
        "4100000000000019, 400, card_declined,      fraudulent",
        "4242424242424241, 400, invalid_card,       -",
    })
    void everyTestCardAnswersAsDocumented(String pan, int status, String code, String declineCode) {
        ApiResponse response = respond(TestCardData.quickStartJson(pan));

        assertEquals(status, response.statusCode(), response.body());
        if (code != null) {
            Map<String, Object> error = Responses.error(response);
            assertEquals(code, error.get("code"));
            assertEquals("card_error", error.get("type"));
            assertEquals(declineCode, error.get("decline_code"));
        }
        assertFalse(response.body().contains(pan), "the response never shows the card number");
    }

    @Test
    void invalidCardIsRefusedBeforeAnythingIsStored() {
        ApiException e = assertThrows(ApiException.class,
                handling(TestCardData.quickStartJson(TestCardData.LUHN_INVALID)));

        assertEquals(ErrorCode.INVALID_CARD, e.code());
        assertEquals("card_number", e.param());
        assertTrue(world.transactions.all().isEmpty());
        assertTrue(world.queue.enqueued().isEmpty());
    }

    @Test
    void cardExpiredLikeTheReferenceExampleIsRefusedBeforeAnythingIsStored() {
        ApiException e = assertThrows(ApiException.class,
                handling(TestCardData.quickStartJson(TestCards.SUCCESS).replace("2030", "2025")));

        assertEquals(ErrorCode.EXPIRED_CARD, e.code());
        assertTrue(world.transactions.all().isEmpty());
    }

    @Test
    void queueOutageIsReportedAsWebhookQueuedFalse() {
        world.queue.failWith(new IllegalStateException("sqs down"));

        ApiResponse response;
        try (CapturedLog log = CapturedLog.start()) {
            response = pay(TestCardData.quickStartJson(TestCards.SUCCESS));
            assertTrue(log.text().contains("webhook_enqueue_failed"));
        }

        assertEquals(200, response.statusCode());
        assertEquals(false, Responses.data(response).get("webhook_queued"));
    }

    @Test
    void storedTransactionKeepsTheReturnUrlForTheChallengePage() {
        pay(TestCardData.quickStartJson(TestCards.THREE_D_SECURE_REQUIRED).replace("\"amount\"",
                "\"return_url\": \"https://your-site.com/payment/3ds-return\", \"amount\""));

        assertEquals("https://your-site.com/payment/3ds-return", world.transactions.all().get(0).returnUrl());
    }

    @Test
    void quickStartWorksThroughTheWholeApiPipeline() {
        InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
        CountingSecretHasher hasher = CountingSecretHasher.sha256();
        CountingSecretHasher legacyHasher = CountingSecretHasher.fastBcrypt();
        IssuedApiKey key = new ApiKeyIssuer(keys, hasher, world.clock).issue("mch_Q", Mode.TEST);
        MerchantApiPipeline pipeline = new MerchantApiPipeline(
                new ApiKeyAuthenticator(keys, hasher, legacyHasher,
                        new VerifiedKeyCache(Duration.ofSeconds(60), new ManualNanoClock()), world.clock),
                new RateLimiter(new InMemoryRateLimitCounter(), world.clock));

        ApiResponse response;
        try (CapturedLog log = CapturedLog.start()) {
            response = pipeline.handle(ApiRequests.post("/api/direct-payment",
                    TestCardData.quickStartJson(TestCards.SUCCESS)).bearer(key.fullKey()).build(), endpoint);
            assertFalse(log.text().contains(TestCards.SUCCESS));
        }

        assertEquals(200, response.statusCode());
        assertEquals("99", response.headers().get("x-ratelimit-remaining"));
        assertEquals("mch_Q", world.transactions.all().get(0).merchantId());
    }

    @Test
    void liveKeyIsRefusedWithLiveModeNotEnabled() {
        AuthenticatedKey live = new AuthenticatedKey("KeyLLLLLLLLLLLLL", "mch_A", Mode.LIVE);

        ApiException e = assertThrows(ApiException.class, () -> endpoint.handle(
                ApiRequests.post("/api/direct-payment", TestCardData.quickStartJson(TestCards.SUCCESS)).build(), live));

        assertEquals(ErrorCode.LIVE_MODE_NOT_ENABLED, e.code());
        assertEquals(403, ErrorStatuses.of(e.code()));
    }

    @Test
    void successfulResponseHasNoErrorObject() {
        assertNull(Responses.body(pay(TestCardData.quickStartJson(TestCards.SUCCESS))).get("error"));
    }

    private ApiResponse pay(String body) {
        return endpoint.handle(request(body), PaymentWorld.MERCHANT_A);
    }

    /** As the pipeline answers: a refused request becomes the error envelope. */
    private ApiResponse respond(String body) {
        try {
            return pay(body);
        } catch (ApiException e) {
            return Envelope.error(e);
        }
    }

    private Executable handling(String body) {
        return () -> pay(body);
    }

    private static ApiRequest request(String body) {
        return ApiRequests.post("/api/direct-payment", body).build();
    }

    @Test
    void bankTransferAnswers202PendingWithTheSchemesInstructions() {
        ApiResponse response = pay("{\"amount\": 10000, \"currency\": \"GBP\", \"payment_method\": \"bank_transfer\","
                + " \"customer_info\": {\"name\": \"Ada Lovelace\"}}");

        assertEquals(202, response.statusCode());
        Map<String, Object> data = Responses.data(response);
        assertEquals("pending", data.get("status"));
        assertEquals("bank_transfer", data.get("payment_method"));
        assertEquals(true, data.get("requires_action"));
        assertEquals("bank_transfer_instructions", data.get("action_type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) data.get("action_data");
        assertEquals("99-00-17", action.get("sort_code"));
        assertEquals(10000L, ((Number) action.get("amount")).longValue());
        assertTrue(String.valueOf(action.get("reference")).startsWith("RF"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"amount\": 1000, \"currency\": \"JPY\", \"payment_method\": \"bank_transfer\", \"customer_info\": {\"name\": \"A\"}} | invalid_currency | currency",
        "{\"amount\": 1000, \"currency\": \"EUR\", \"payment_method\": \"bank_transfer\"} | invalid_request | customer_info[name]",
        "{\"amount\": 1000, \"currency\": \"EUR\", \"payment_method\": \"bank_transfer\", \"customer_info\": {\"name\": \"A\"}, \"cvv\": \"123\"} | invalid_request | cvv",
        "{\"amount\": 1000, \"currency\": \"EUR\", \"payment_method\": \"bank_transfer\", \"customer_info\": {\"name\": \"A\"}, \"expires_at\": \"2027-06-01T00:00:00Z\"} | invalid_request | expires_at",
        "{\"amount\": 1000, \"currency\": \"EUR\", \"payment_method\": \"bank_transfer\", \"customer_info\": {\"name\": \"A\"}, \"expires_at\": \"tomorrow\"} | invalid_request | expires_at",
        "{\"amount\": 1000, \"currency\": \"EUR\", \"payment_method\": \"bank_transfer\", \"customer_info\": {\"name\": \"A\"}, \"bank\": 1} | invalid_request | bank",
        "{\"amount\": 1000, \"currency\": \"EUR\", \"payment_method\": \"cheque\"} | invalid_request | payment_method",
    })
    void badBankTransferRequestsAre400NamingTheField(String body, String code, String param) {
        Map<String, Object> error = Responses.error(respond(body));

        assertEquals(code, error.get("code"));
        assertEquals(param, error.get("param"));
    }

    @Test
    void aCardNumberSentWithABankTransferIsRefusedWithoutBeingRepeated() {
        ApiResponse response = respond("{\"amount\": 1000, \"currency\": \"EUR\", \"payment_method\": \"bank_transfer\","
                + " \"customer_info\": {\"name\": \"A\"}, \"card_number\": \"4242424242424242\"}");

        assertEquals(400, response.statusCode());
        assertEquals("card_number", Responses.error(response).get("param"));
        assertFalse(response.body().contains("4242424242424242"));
    }
}
