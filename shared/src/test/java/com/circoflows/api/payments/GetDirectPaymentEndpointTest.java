package com.circoflows.api.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.ClaimedChallengeStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.Responses;
import com.circoflows.testing.TestClocks;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GetDirectPaymentEndpointTest {
    private final PaymentWorld world = PaymentWorld.create();
    private final GetDirectPaymentEndpoint endpoint = new GetDirectPaymentEndpoint(world.queries,
            new PublicUrls(Optional.of("https://pay.circoflows.test")));

    @Test
    void statusChecksCountAgainstThePaymentLimit() {
        assertEquals(RateLimitClass.PAYMENTS, endpoint.rateLimitClass());
    }

    @Test
    void ownTransactionIsShownWithItsCurrentStatus() {
        Transaction t = world.pay(TestCards.SUCCESS).transaction();

        ApiResponse response = get(PaymentWorld.MERCHANT_A, t.transactionId());

        assertEquals(200, response.statusCode());
        Map<String, Object> body = Responses.body(response);
        assertEquals(true, body.get("success"));
        assertFalse(body.containsKey("message"), "the reference shows no message here");
        Map<String, Object> data = Responses.data(response);
        assertEquals(t.transactionId(), data.get("transaction_id"));
        assertEquals(15000, data.get("amount"));
        assertEquals("completed", data.get("status"));
        assertEquals(TestClocks.NOW_TEXT, data.get("processed_at"));
        assertEquals(Map.of("name", "John Doe", "email", "john@example.com"), data.get("customer_info"));
        assertEquals(Map.of("order_id", "ORD-12345"), data.get("metadata"));
    }

    @Test
    void statusFollowsTheThreeDSecureFlow() {
        Transaction t = world.pendingChallenge();
        assertEquals("pending", Responses.data(get(PaymentWorld.MERCHANT_A, t.transactionId())).get("status"));

        world.challenges.recordChallenge(t.transactionId(), true);
        world.threeDSecure.confirm(PaymentWorld.MERCHANT_A, t.transactionId(), ClaimedChallengeStatus.SUCCESS,
                t.gatewayTransactionId());

        Map<String, Object> data = Responses.data(get(PaymentWorld.MERCHANT_A, t.transactionId()));
        assertEquals("completed", data.get("status"));
        assertEquals("authenticated", data.get("three_d_secure"));
    }

    @Test
    void aPaymentWhoseChallengeIsOpenShowsWhereTheCustomerTakesIt() {
        Transaction t = world.pendingChallenge();

        Map<String, Object> open = Responses.data(get(PaymentWorld.MERCHANT_A, t.transactionId()));
        world.challenges.recordChallenge(t.transactionId(), true);
        Map<String, Object> passed = Responses.data(get(PaymentWorld.MERCHANT_A, t.transactionId()));

        assertEquals("pending", open.get("status"));
        assertEquals(true, open.get("requires_action"));
        assertEquals("3ds_authentication", open.get("action_type"));
        assertEquals(Map.of("3ds_url", "https://pay.circoflows.test/pay/3ds/" + t.transactionId()),
                open.get("action_data"), "the same URL the payment's 202 gave");
        assertEquals("pending", passed.get("status"), "still waiting for confirm-3ds");
        assertFalse(passed.containsKey("requires_action"), "the challenge is taken: nothing left for the customer");
        assertFalse(passed.containsKey("action_data"));
    }

    @Test
    void aCompletedPaymentShowsNoAction() {
        Map<String, Object> data = Responses.data(get(PaymentWorld.MERCHANT_A,
                world.pay(TestCards.SUCCESS).transaction().transactionId()));

        assertFalse(data.containsKey("requires_action"));
        assertFalse(data.containsKey("action_data"));
    }

    @Test
    void otherMerchantsTransactionIsNotFound() {
        Transaction t = world.pay(TestCards.SUCCESS).transaction();

        ApiException e = assertThrows(ApiException.class, () -> get(PaymentWorld.MERCHANT_B, t.transactionId()));
        ApiException unknown = assertThrows(ApiException.class,
                () -> get(PaymentWorld.MERCHANT_B, "txn_000000000000000000000000"));

        assertEquals(ErrorCode.TRANSACTION_NOT_FOUND, e.code());
        assertEquals(Envelope.error(unknown).body(), Envelope.error(e).body(),
                "indistinguishable from an id that does not exist");
        assertEquals(404, Envelope.error(e).statusCode());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "txn_short", "../../etc/passwd", "txn_ABCDEFGHIJKLMNOPQRSTUVW!", "TXN_ABCDEFGHIJKLMNOPQRSTUVWX",
        "txn_ABCDEFGHIJKLMNOPQRSTUVWXY"})
    void idThatCannotBeOursIsNotFoundWithoutTouchingTheDatabase(String id) {
        ApiException e = assertThrows(ApiException.class, () -> get(PaymentWorld.MERCHANT_A, id));

        assertEquals(ErrorCode.TRANSACTION_NOT_FOUND, e.code());
        assertEquals(0, world.transactions.findCalls());
    }

    private ApiResponse get(AuthenticatedKey caller, String transactionId) {
        ApiRequests request = ApiRequests.get("/api/direct-payment/" + transactionId);
        if (transactionId != null) {
            request.pathParam("transaction_id", transactionId);
        }
        return endpoint.handle(request.build(), caller);
    }
}
