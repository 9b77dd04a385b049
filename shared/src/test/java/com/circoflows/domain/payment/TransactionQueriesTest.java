package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.testing.PaymentWorld;
import org.junit.jupiter.api.Test;

class TransactionQueriesTest {
    private final PaymentWorld world = PaymentWorld.create();
    private final Transaction mine = world.pay(TestCards.SUCCESS).transaction();

    @Test
    void merchantFindsItsOwnTransaction() {
        assertEquals(mine, world.queries.findOwned(PaymentWorld.MERCHANT_A, mine.transactionId()));
    }

    @Test
    void anotherKeyOfTheSameMerchantAndModeFindsIt() {
        AuthenticatedKey otherKey = new AuthenticatedKey("KeyA2AAAAAAAAAAA", PaymentWorld.MERCHANT_A.merchantId(),
                Mode.TEST);

        assertEquals(mine, world.queries.findOwned(otherKey, mine.transactionId()));
    }

    @Test
    void otherMerchantsTransactionIsNotFound() {
        assertNotFound(PaymentWorld.MERCHANT_B, mine.transactionId());
    }

    @Test
    void sameMerchantsLiveKeyDoesNotSeeTestTransactions() {
        assertNotFound(new AuthenticatedKey("KeyLLLLLLLLLLLLL", PaymentWorld.MERCHANT_A.merchantId(), Mode.LIVE),
                mine.transactionId());
    }

    @Test
    void unknownTransactionIsNotFound() {
        assertNotFound(PaymentWorld.MERCHANT_A, "txn_000000000000000000000000");
    }

    private void assertNotFound(AuthenticatedKey caller, String transactionId) {
        ApiException e = assertThrows(ApiException.class, () -> world.queries.findOwned(caller, transactionId));
        assertEquals(ErrorCode.TRANSACTION_NOT_FOUND, e.code());
        assertEquals("Transaction does not exist.", e.getMessage());
    }
}
