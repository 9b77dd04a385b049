package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.ids.RandomIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One merchant's transactions are invisible to another: every such read answers exactly what an
 * id that never existed answers, so a 404 never reveals that the transaction exists.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {
    private final E2e e2e;
    private Api demo;
    private Api other;
    private String demoTransaction;
    private String otherTransaction;
    private String unknownBody;

    TenantIsolationIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void twoMerchantsWithOnePaymentEach() {
        demo = e2e.demo();
        other = e2e.newMerchant("Second Merchant").api();
        demoTransaction = transactionId(demo.pay(Payments.card(Payments.SUCCESS, "481")));
        otherTransaction = transactionId(other.pay(Payments.card(Payments.SUCCESS, "482")));
        HttpResult unknown = demo.status("txn_" + RandomIds.base62(24));
        assertError(unknown, 404, "transaction_not_found", "invalid_request_error", null, null);
        unknownBody = unknown.body();
    }

    private static String transactionId(HttpResult paid) {
        assertEquals(200, paid.status(), paid::describe);
        return paid.data().path("transaction_id").asText();
    }

    @Test
    void unknownTransactionIdIs404TransactionNotFound() {
        HttpResult unknown = other.status("txn_" + RandomIds.base62(24));

        assertError(unknown, 404, "transaction_not_found", "invalid_request_error", null, null);
        assertEquals(unknownBody, unknown.body());
    }

    @Test
    void eachMerchantReadsItsOwnTransaction() {
        assertEquals(200, demo.status(demoTransaction).status());
        assertEquals(200, other.status(otherTransaction).status());
    }

    @Test
    void anotherMerchantsTransactionIs404WithTheSameBodyAsAnUnknownId() {
        HttpResult demoReadsOther = demo.status(otherTransaction);
        HttpResult otherReadsDemo = other.status(demoTransaction);

        assertEquals(404, demoReadsOther.status(), demoReadsOther::describe);
        assertEquals(unknownBody, demoReadsOther.body());
        assertEquals(404, otherReadsDemo.status(), otherReadsDemo::describe);
        assertEquals(unknownBody, otherReadsDemo.body());
    }

    @Test
    void malformedTransactionIdIs404WithTheSameBody() {
        HttpResult malformed = demo.status("not-a-transaction");

        assertEquals(404, malformed.status(), malformed::describe);
        assertEquals(unknownBody, malformed.body());
    }

    @Test
    void confirm3dsOnAnotherMerchantsTransactionIs404AndLeavesItPending() {
        HttpResult created = demo.pay(Payments.card(Payments.THREE_D_SECURE, "483"));
        assertEquals(202, created.status(), created::describe);
        JsonNode data = created.data();
        String id = data.path("transaction_id").asText();
        ChallengePage.open(e2e, data.path("action_data").path("3ds_url").asText()).choose("authenticate");

        HttpResult foreign = other.confirm3ds(id, "success", data.path("gateway_transaction_id").asText());

        assertEquals(404, foreign.status(), foreign::describe);
        assertEquals(unknownBody, foreign.body());
        assertEquals("pending", demo.status(id).data().path("status").asText());
        HttpResult unknown = other.confirm3ds("txn_" + RandomIds.base62(24), "success",
                data.path("gateway_transaction_id").asText());
        assertEquals(unknownBody, unknown.body(), "confirm-3ds on an unknown id answers the same");
    }
}
