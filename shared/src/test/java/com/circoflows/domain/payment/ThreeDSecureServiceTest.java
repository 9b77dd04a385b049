package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.payment.ThreeDSecureService.ConfirmationOutcome;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.ScriptedCardGateway;
import com.circoflows.testing.TestClocks;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreeDSecureServiceTest {
    private final ScriptedCardGateway gateway = new ScriptedCardGateway();
    private final PaymentWorld world = PaymentWorld.withGateway(gateway);
    private final Transaction pending = world.pendingChallenge();
    private final String id = pending.transactionId();
    private final String gatewayId = pending.gatewayTransactionId();

    @Test
    void confirmSuccessAfterPassedChallengeCompletesThePayment() {
        world.challenges.recordChallenge(id, true);

        ConfirmationOutcome result = confirm(ClaimedChallengeStatus.SUCCESS, gatewayId);

        assertFalse(result.requiresAction());
        assertTrue(result.outcome().webhookQueued());
        Transaction t = world.stored(id);
        assertEquals(TransactionStatus.COMPLETED, t.status());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, t.threeDSecure());
        assertEquals(TestClocks.NOW, t.processedAt());
        assertEquals(List.of(gatewayId), gateway.completions(), "completed under the stored gateway id");
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_SUCCEEDED), eventTypes());
    }

    @Test
    void aManualCapturePaymentIsOnlyAuthorisedOnceItsChallengePasses() {
        DirectPaymentRequest threeDs = PaymentWorld.request(TestCards.THREE_D_SECURE_REQUIRED);
        Transaction manual = world.payments.pay(PaymentWorld.MERCHANT_A, PaymentEngine.newTransactionId(),
                new DirectPaymentRequest(threeDs.amount(), CaptureMethod.MANUAL, threeDs.card(), threeDs.customerInfo(),
                        threeDs.metadata(), threeDs.webhookUrl(), null)).transaction();
        world.challenges.recordChallenge(manual.transactionId(), true);

        world.threeDSecure.confirm(PaymentWorld.MERCHANT_A, manual.transactionId(), ClaimedChallengeStatus.SUCCESS,
                manual.gatewayTransactionId());

        Transaction t = world.stored(manual.transactionId());
        assertEquals(TransactionStatus.AUTHORIZED, t.status());
        assertTrue(t.amounts().captured().isZero(), "nothing is taken before the merchant captures");
        assertEquals(WebhookEventType.PAYMENT_AUTHORIZED,
                world.transactions.eventsFor(manual.transactionId()).get(1).type());
    }

    @Test
    void confirmingTwiceIsHarmless() {
        world.challenges.recordChallenge(id, true);
        confirm(ClaimedChallengeStatus.SUCCESS, gatewayId);

        ConfirmationOutcome again = confirm(ClaimedChallengeStatus.SUCCESS, gatewayId);

        assertEquals(TransactionStatus.COMPLETED, again.outcome().transaction().status());
        assertFalse(again.outcome().webhookQueued(), "no second payment.succeeded");
        assertEquals(1, gateway.completions().size(), "charged once");
        assertEquals(2, world.transactions.eventsFor(id).size());
    }

    @Test
    void confirmWithoutPassedChallengeIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> confirm(ClaimedChallengeStatus.SUCCESS, gatewayId));

        assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, e.code());
        assertTrue(e.getMessage().contains("3ds_url"), e.getMessage());
        assertEquals(pending, world.stored(id), "unchanged");
        assertTrue(gateway.completions().isEmpty());
    }

    @Test
    void claimingFailureBeforeTheChallengeIsRefusedToo() {
        ApiException e = assertThrows(ApiException.class, () -> confirm(ClaimedChallengeStatus.FAILED, gatewayId));

        assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, e.code());
        assertEquals(pending, world.stored(id));
    }

    @Test
    void confirmPendingBeforeTheChallengeStillRequiresAction() {
        ConfirmationOutcome result = confirm(ClaimedChallengeStatus.PENDING, gatewayId);

        assertTrue(result.requiresAction());
        assertEquals(pending, result.outcome().transaction());
        assertFalse(result.outcome().webhookQueued());
    }

    @Test
    void confirmAfterFailedChallengeIsCardErrorAndTransactionStaysFailed() {
        world.challenges.recordChallenge(id, false);
        Transaction failed = world.stored(id);

        ApiException e = assertThrows(ApiException.class, () -> confirm(ClaimedChallengeStatus.SUCCESS, gatewayId));

        assertEquals(ErrorCode.THREE_D_SECURE_FAILED, e.code());
        assertEquals("card_error", e.code().type().wireName());
        assertEquals("authentication_failed", e.declineCode());
        assertEquals(failed, world.stored(id));
        assertTrue(gateway.completions().isEmpty(), "a failed challenge never reaches the gateway");
    }

    @Test
    void confirmFailedAfterFailedChallengeIsAcknowledgedWithoutNewEvent() {
        world.challenges.recordChallenge(id, false);

        ConfirmationOutcome result = confirm(ClaimedChallengeStatus.FAILED, gatewayId);

        assertEquals(TransactionStatus.FAILED, result.outcome().transaction().status());
        assertFalse(result.outcome().webhookQueued());
        assertEquals(2, world.transactions.eventsFor(id).size());
    }

    @Test
    void claimingFailureAfterThePassedChallengeNamesStatus() {
        world.challenges.recordChallenge(id, true);

        for (ClaimedChallengeStatus claim : new ClaimedChallengeStatus[] {
            ClaimedChallengeStatus.FAILED, ClaimedChallengeStatus.PENDING}) {
            ApiException e = assertThrows(ApiException.class, () -> confirm(claim, gatewayId));
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
            assertEquals("status", e.param());
        }
        assertEquals(TransactionStatus.PENDING, world.stored(id).status());
    }

    @Test
    void confirmWithWrongGatewayIdNamesParam() {
        world.challenges.recordChallenge(id, true);

        ApiException e = assertThrows(ApiException.class,
                () -> confirm(ClaimedChallengeStatus.SUCCESS, "gw_AAAAAAAAAAAAAAAAAAAAAAAA"));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("gateway_id", e.param());
        assertEquals(TransactionStatus.PENDING, world.stored(id).status());
    }

    @Test
    void otherMerchantsTransactionIsNotFound() {
        world.challenges.recordChallenge(id, true);

        ApiException e = assertThrows(ApiException.class, () -> world.threeDSecure.confirm(
                PaymentWorld.MERCHANT_B, id, ClaimedChallengeStatus.SUCCESS, gatewayId));

        assertEquals(ErrorCode.TRANSACTION_NOT_FOUND, e.code());
        assertEquals(TransactionStatus.PENDING, world.stored(id).status());
    }

    @Test
    void paymentThatNeverNeededThreeDSecureCannotBeConfirmed() {
        Transaction completed = world.pay(TestCards.SUCCESS).transaction();

        ApiException e = assertThrows(ApiException.class, () -> world.threeDSecure.confirm(PaymentWorld.MERCHANT_A,
                completed.transactionId(), ClaimedChallengeStatus.SUCCESS, completed.gatewayTransactionId()));

        assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, e.code());
    }

    @Test
    void issuerDeclineAfterThePassedChallengeFailsThePaymentWithItsEvent() {
        gateway.answerCompletionsWith(gw -> new GatewayResult.Declined(gw, ErrorCode.INSUFFICIENT_FUNDS,
                "insufficient_funds", "Your card has insufficient funds."));
        world.challenges.recordChallenge(id, true);

        ConfirmationOutcome result = confirm(ClaimedChallengeStatus.SUCCESS, gatewayId);

        Transaction t = world.stored(id);
        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, t.threeDSecure());
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, t.failure().code());
        assertTrue(result.outcome().webhookQueued());
        assertEquals(WebhookEventType.PAYMENT_FAILED, world.queue.enqueued().get(1).type());
    }

    @Test
    void gatewayProcessingErrorAtCompletionLeavesThePaymentPendingForARetry() {
        gateway.answerCompletionsWith(gw -> new GatewayResult.ProcessingError(gw, "Gateway timed out."));
        world.challenges.recordChallenge(id, true);

        ApiException e = assertThrows(ApiException.class, () -> confirm(ClaimedChallengeStatus.SUCCESS, gatewayId));

        assertEquals(ErrorCode.PROCESSING_ERROR, e.code());
        assertEquals(TransactionStatus.PENDING, world.stored(id).status());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, world.stored(id).threeDSecure());

        gateway.answerCompletionsWith(GatewayResult.Approved::new);
        confirm(ClaimedChallengeStatus.SUCCESS, gatewayId);
        assertEquals(TransactionStatus.COMPLETED, world.stored(id).status());
    }

    @Test
    void concurrentChangeIsRetriedAgainstTheFreshRecord() {
        world.challenges.recordChallenge(id, true);
        world.transactions.reportConflicts(1);

        confirm(ClaimedChallengeStatus.SUCCESS, gatewayId);

        assertEquals(TransactionStatus.COMPLETED, world.stored(id).status());
        assertEquals(3, world.transactions.updateAttempts(), "challenge, one lost race, one winning write");
    }

    @Test
    void racingConfirmationsAnnounceSuccessOnlyOnce() {
        world.challenges.recordChallenge(id, true);
        Transaction passed = world.stored(id);
        // Another confirm-3ds call completes the payment while this one is writing.
        world.transactions.beforeNextUpdate(repo -> repo.overwrite(passed.approve(TestClocks.NOW)));

        ConfirmationOutcome result = confirm(ClaimedChallengeStatus.SUCCESS, gatewayId);

        assertEquals(TransactionStatus.COMPLETED, result.outcome().transaction().status());
        assertFalse(result.outcome().webhookQueued(), "the winner announces it, not this request");
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING), eventTypes());
    }

    @Test
    void persistentWriteConflictsAreReportedAsServiceUnavailable() {
        world.transactions.reportConflicts(100);

        ApiException challenge = assertThrows(ApiException.class, () -> world.challenges.recordChallenge(id, true));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, challenge.code());

        world.transactions.reportConflicts(0);
        world.challenges.recordChallenge(id, true);
        world.transactions.reportConflicts(100);
        ApiException confirm = assertThrows(ApiException.class, () -> confirm(ClaimedChallengeStatus.SUCCESS, gatewayId));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, confirm.code());
        assertEquals(TransactionStatus.PENDING, world.stored(id).status());
    }

    private ConfirmationOutcome confirm(ClaimedChallengeStatus claim, String claimedGatewayId) {
        return world.threeDSecure.confirm(PaymentWorld.MERCHANT_A, id, claim, claimedGatewayId);
    }

    private List<WebhookEventType> eventTypes() {
        return world.transactions.eventsFor(id).stream().map(WebhookEvent::type).toList();
    }
}
