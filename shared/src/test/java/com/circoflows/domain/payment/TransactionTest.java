package com.circoflows.domain.payment;

import com.circoflows.testing.TestAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.testing.TestClocks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransactionTest {
    private static final Instant LATER = TestClocks.NOW.plusSeconds(30);
    private static final RiskAssessment RISK = new RiskAssessment(24, List.of("card_velocity"), false);
    private static final PaymentFailure DECLINED =
            new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "generic_decline");

    static Transaction transaction(TransactionStatus status, ThreeDSecureStatus challenge) {
        return new Transaction("txn_AAAAAAAAAAAAAAAAAAAAAAAA", "mch_A", Mode.TEST, status, TestAmounts.of(status,
                15000, "USD"), CaptureMethod.AUTOMATIC, "gw_AAAAAAAAAAAAAAAAAAAAAAAA", new StoredCard(CardBrand.VISA,
                "3220", 12, 2030, "fp"), challenge, status == TransactionStatus.FAILED ? DECLINED : null,
                new PaymentDetails(null, null, null, null, null), RISK, TestClocks.NOW,
                status == TransactionStatus.PENDING ? null : TestClocks.NOW, 1);
    }

    private static Transaction awaitingChallenge() {
        return transaction(TransactionStatus.PENDING, ThreeDSecureStatus.REQUIRED);
    }

    @Test
    void pendingPaymentCompletesWithItsProcessingTimeAndNextVersion() {
        Transaction completed = awaitingChallenge().challengePassed().approve(LATER);

        assertEquals(TransactionStatus.COMPLETED, completed.status());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, completed.threeDSecure());
        assertEquals(LATER, completed.processedAt());
        assertNull(completed.failure());
        assertEquals(3, completed.version());
    }

    @Test
    void theRiskAssessedWhenThePaymentWasMadeStaysThroughTheChallenge() {
        assertEquals(RISK, awaitingChallenge().challengePassed().approve(LATER).risk());
        assertEquals(RISK, awaitingChallenge().fail(DECLINED, ThreeDSecureStatus.FAILED, LATER).risk());
    }

    @Test
    void pendingPaymentFailsWithItsReason() {
        Transaction failed = awaitingChallenge().fail(DECLINED, ThreeDSecureStatus.FAILED, LATER);

        assertEquals(TransactionStatus.FAILED, failed.status());
        assertEquals(ThreeDSecureStatus.FAILED, failed.threeDSecure());
        assertEquals(DECLINED, failed.failure());
        assertEquals(LATER, failed.processedAt());
        assertEquals(2, failed.version());
    }

    @Test
    void completedTransactionCannotFail() {
        Transaction completed = transaction(TransactionStatus.COMPLETED, ThreeDSecureStatus.NOT_REQUIRED);

        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> completed.fail(DECLINED, ThreeDSecureStatus.FAILED, LATER));

        assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, e.code());
        assertEquals("The transaction is completed and cannot become failed.", e.getMessage());
    }

    @Test
    void completedTransactionCannotCompleteAgain() {
        Transaction completed = transaction(TransactionStatus.COMPLETED, ThreeDSecureStatus.NOT_REQUIRED);

        assertThrows(IllegalTransitionException.class, () -> completed.approve(LATER));
    }

    @Test
    void failedTransactionCanNeverBeCompleted() {
        Transaction failed = transaction(TransactionStatus.FAILED, ThreeDSecureStatus.FAILED);

        assertThrows(IllegalTransitionException.class, () -> failed.approve(LATER));
        assertThrows(IllegalTransitionException.class,
                () -> failed.fail(DECLINED, ThreeDSecureStatus.FAILED, LATER));
    }

    @Test
    void passedChallengeKeepsThePaymentPendingUntilConfirmed() {
        Transaction passed = awaitingChallenge().challengePassed();

        assertEquals(TransactionStatus.PENDING, passed.status());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, passed.threeDSecure());
        assertNull(passed.processedAt());
        assertEquals(2, passed.version());
        assertFalse(passed.awaitsChallenge());
    }

    @Test
    void challengeCanOnlyBePassedOnce() {
        Transaction passed = awaitingChallenge().challengePassed();

        assertThrows(IllegalTransitionException.class, passed::challengePassed);
    }

    @ParameterizedTest
    @EnumSource(value = TransactionStatus.class, names = {"COMPLETED", "FAILED"})
    void finishedTransactionCannotPassAChallenge(TransactionStatus status) {
        assertThrows(IllegalTransitionException.class,
                () -> transaction(status, ThreeDSecureStatus.REQUIRED).challengePassed());
    }

    @Test
    void onlyAPendingTransactionWithAnOutstandingChallengeAwaitsIt() {
        assertTrue(awaitingChallenge().awaitsChallenge());
        assertFalse(transaction(TransactionStatus.PENDING, ThreeDSecureStatus.AUTHENTICATED).awaitsChallenge());
        assertFalse(transaction(TransactionStatus.FAILED, ThreeDSecureStatus.REQUIRED).awaitsChallenge());
        assertFalse(transaction(TransactionStatus.COMPLETED, ThreeDSecureStatus.NOT_REQUIRED).awaitsChallenge());
    }

    @Test
    void missingCustomerInfoAndMetadataReadAsEmpty() {
        Transaction t = awaitingChallenge();

        assertEquals(Map.of(), t.customerInfo());
        assertEquals(Map.of(), t.metadata());
    }

    @Test
    void ownershipIsByMerchantId() {
        assertTrue(awaitingChallenge().belongsTo("mch_A"));
        assertFalse(awaitingChallenge().belongsTo("mch_B"));
    }


    @ParameterizedTest
    @EnumSource(TransactionStatus.class)
    void statusWireNamesRoundTrip(TransactionStatus status) {
        assertEquals(status, TransactionStatus.fromWireName(status.wireName()));
    }

    @Test
    void statusWireNamesAreTheReferenceOnes() {
        assertEquals("pending", TransactionStatus.PENDING.wireName());
        assertEquals("completed", TransactionStatus.COMPLETED.wireName());
        assertEquals("failed", TransactionStatus.FAILED.wireName());
        assertThrows(IllegalArgumentException.class, () -> TransactionStatus.fromWireName("succeeded"));
    }

    @ParameterizedTest
    @EnumSource(ThreeDSecureStatus.class)
    void challengeStatusWireNamesRoundTrip(ThreeDSecureStatus status) {
        assertEquals(status, ThreeDSecureStatus.fromWireName(status.wireName()));
    }

    @Test
    void claimedStatusAcceptsTheReferenceValuesOnly() {
        assertEquals(ClaimedChallengeStatus.SUCCESS, ClaimedChallengeStatus.parse("success"));
        assertEquals(ClaimedChallengeStatus.FAILED, ClaimedChallengeStatus.parse("failed"));
        assertEquals(ClaimedChallengeStatus.PENDING, ClaimedChallengeStatus.parse("pending"));
        var e = assertThrows(com.circoflows.domain.error.ApiException.class,
                () -> ClaimedChallengeStatus.parse("SUCCESS"));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("status", e.param());
    }
}
