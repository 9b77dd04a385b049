package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.gateway.TestCards;
import com.circoflows.testing.PaymentWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every stored payment is counted once, by the outcome the merchant sees. */
class PaymentMetricsTest {
    private final PaymentWorld world = PaymentWorld.create();

    @Test
    void anApprovedPaymentCountsAsSucceeded() {
        world.pay(TestCards.SUCCESS);
        assertEquals(List.of("payment succeeded"), world.metrics.recorded());
    }

    @Test
    void anIssuerDeclineCountsAsDeclinedWithItsDeclineCode() {
        world.pay(TestCards.DECLINED);
        world.pay(TestCards.INSUFFICIENT_FUNDS);
        assertEquals(List.of("payment declined generic_decline", "payment declined insufficient_funds"),
                world.metrics.recorded());
    }

    @Test
    void aPaymentWaitingForItsChallengeCountsAsRequiresAction() {
        world.pay(TestCards.THREE_D_SECURE_REQUIRED);
        assertEquals(List.of("payment requires_action"), world.metrics.recorded());
    }

    @Test
    void aProcessingErrorCountsAsFailedWithoutADeclineCode() {
        world.pay(TestCards.PROCESSING_ERROR);
        assertEquals(List.of("payment failed"), world.metrics.recorded());
    }

    @Test
    void aPassedChallengeConfirmedCountsTheNewStatusOnce() {
        Transaction pending = world.pay(TestCards.THREE_D_SECURE_REQUIRED).transaction();
        world.challenges.recordChallenge(pending.transactionId(), true);
        world.threeDSecure.confirm(PaymentWorld.MERCHANT_A, pending.transactionId(), ClaimedChallengeStatus.SUCCESS,
                pending.gatewayTransactionId());
        assertEquals(List.of("payment requires_action", "payment succeeded"), world.metrics.recorded());
    }
}
