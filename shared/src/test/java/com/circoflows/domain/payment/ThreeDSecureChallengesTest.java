package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.ScriptedCardGateway;
import com.circoflows.testing.TestClocks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer's answer on the challenge page, as recorded before any confirmation. */
class ThreeDSecureChallengesTest {
    private final ScriptedCardGateway gateway = new ScriptedCardGateway();
    private final PaymentWorld world = PaymentWorld.withGateway(gateway);
    private final Transaction pending = world.pendingChallenge();
    private final String id = pending.transactionId();

    @Test
    void passedChallengeIsRecordedButThePaymentWaitsForConfirmation() {
        PaymentOutcome outcome = world.challenges.recordChallenge(id, true);

        Transaction t = world.stored(id);
        assertEquals(TransactionStatus.PENDING, t.status());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, t.threeDSecure());
        assertFalse(outcome.webhookQueued());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING), eventTypes());
        assertTrue(gateway.completions().isEmpty(), "nothing is charged before the merchant confirms");
    }

    @Test
    void failedChallengeFailsThePaymentAtOnceAndQueuesPaymentFailed() {
        PaymentOutcome outcome = world.challenges.recordChallenge(id, false);

        Transaction t = world.stored(id);
        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals(ThreeDSecureStatus.FAILED, t.threeDSecure());
        assertEquals(ErrorCode.THREE_D_SECURE_FAILED, t.failure().code());
        assertEquals("authentication_failed", t.failure().declineCode());
        assertEquals(TestClocks.NOW, t.processedAt());
        assertTrue(outcome.webhookQueued());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_FAILED), eventTypes());
        assertEquals(WebhookEventType.PAYMENT_FAILED, world.queue.enqueued().get(1).type());
    }

    @Test
    void onlyTheFirstAnswerOnTheChallengePageCounts() {
        world.challenges.recordChallenge(id, true);
        PaymentOutcome second = world.challenges.recordChallenge(id, false);

        assertEquals(ThreeDSecureStatus.AUTHENTICATED, world.stored(id).threeDSecure());
        assertEquals(TransactionStatus.PENDING, second.transaction().status());
        assertFalse(second.webhookQueued());
    }

    @Test
    void failedChallengeCannotBeTurnedIntoAPassedOne() {
        world.challenges.recordChallenge(id, false);
        world.challenges.recordChallenge(id, true);

        assertEquals(TransactionStatus.FAILED, world.stored(id).status());
        assertEquals(ThreeDSecureStatus.FAILED, world.stored(id).threeDSecure());
    }

    @Test
    void challengeForUnknownTransactionIsNotFound() {
        ApiException e = assertThrows(ApiException.class,
                () -> world.challenges.recordChallenge("txn_UNKNOWNUNKNOWNUNKNOWN00", true));

        assertEquals(ErrorCode.TRANSACTION_NOT_FOUND, e.code());
    }

    @Test
    void racingChallengeAnswersKeepTheOneWrittenFirst() {
        // The customer double-submits: "authenticate" lands while "fail" is being written.
        world.transactions.beforeNextUpdate(repo -> repo.overwrite(pending.challengePassed()));

        PaymentOutcome outcome = world.challenges.recordChallenge(id, false);

        assertEquals(ThreeDSecureStatus.AUTHENTICATED, outcome.transaction().threeDSecure());
        assertEquals(TransactionStatus.PENDING, world.stored(id).status());
        assertFalse(outcome.webhookQueued());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING), eventTypes());
    }

    private List<WebhookEventType> eventTypes() {
        return world.transactions.eventsFor(id).stream().map(WebhookEvent::type).toList();
    }
}
