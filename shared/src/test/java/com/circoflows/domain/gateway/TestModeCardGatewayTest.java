package com.circoflows.domain.gateway;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.GatewayResult.Approved;
import com.circoflows.domain.gateway.GatewayResult.Declined;
import com.circoflows.domain.gateway.GatewayResult.ProcessingError;
import com.circoflows.domain.gateway.GatewayResult.ThreeDSecureRequired;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.testing.InMemoryGatewayLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestModeCardGatewayTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryGatewayLedger ledger = new InMemoryGatewayLedger();
    private final CardGateway gateway = new TestModeCardGateway(ledger, CLOCK);
    private int transactions;

    @Test
    void successCardIsApproved() {
        assertInstanceOf(Approved.class, authorize(TestCards.SUCCESS));
    }

    @Test
    void declinedCardIsCardDeclinedWithGenericDecline() {
        assertDeclined(authorize(TestCards.DECLINED), ErrorCode.CARD_DECLINED, "generic_decline",
                "Your card was declined.");
    }

    @Test
    void insufficientFundsCardIsDeclinedWithInsufficientFunds() {
        assertDeclined(authorize(TestCards.INSUFFICIENT_FUNDS), ErrorCode.INSUFFICIENT_FUNDS, "insufficient_funds",
                "Your card has insufficient funds.");
    }

    @Test
    void expiredCardTestNumberIsDeclinedAsExpiredEvenWithAFutureExpiry() {
        assertDeclined(authorize(TestCards.EXPIRED_CARD), ErrorCode.EXPIRED_CARD, "expired_card",
                "Your card has expired.");
    }

    @Test
    void incorrectCvcCardIsDeclinedAsInvalidCvv() {
        assertDeclined(authorize(TestCards.INCORRECT_CVC), ErrorCode.INVALID_CVV, "incorrect_cvc",
                "Your card's security code is incorrect.");
    }

    @Test
    void processingErrorCardIsARetryableProcessingError() {
        ProcessingError error = assertInstanceOf(ProcessingError.class, authorize(TestCards.PROCESSING_ERROR));
        assertEquals(ErrorCode.PROCESSING_ERROR, error.toApiException().code());
        assertFalse(error.message().isBlank());
    }

    @Test
    void threeDSecureCardNeedsAuthenticationAndThenApprovesUnderTheSameId() {
        GatewayAuthorization authorization = authorization(TestCards.THREE_D_SECURE_REQUIRED);
        ThreeDSecureRequired pending = assertInstanceOf(ThreeDSecureRequired.class, gateway.authorize(authorization));
        assertEquals(AuthorizationState.PENDING_AUTHENTICATION, recorded(authorization).state());

        GatewayResult completed = gateway.completeThreeDSecure(authorization.transactionId(),
                pending.gatewayTransactionId());

        assertEquals(new Approved(pending.gatewayTransactionId()), completed);
        assertEquals(AuthorizationState.CHARGED, recorded(authorization).state());
    }

    @Test
    void completingThreeDSecureOnAnotherGatewayInstanceWorksBecauseTheLedgerHoldsTheState() {
        GatewayAuthorization authorization = authorization(TestCards.THREE_D_SECURE_REQUIRED);
        String id = gateway.authorize(authorization).gatewayTransactionId();

        assertEquals(new Approved(id), new TestModeCardGateway(ledger, CLOCK)
                .completeThreeDSecure(authorization.transactionId(), id));
    }

    @Test
    void completingThreeDSecureAgainAnswersTheSameWithoutChargingTwice() {
        GatewayAuthorization authorization = authorization(TestCards.THREE_D_SECURE_REQUIRED);
        String id = gateway.authorize(authorization).gatewayTransactionId();
        gateway.completeThreeDSecure(authorization.transactionId(), id);

        assertEquals(new Approved(id), gateway.completeThreeDSecure(authorization.transactionId(), id));
        assertEquals(1, ledger.all().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gw_", "gw_short", "txn_ABCDEFGHIJKLMNOPQRSTUVWX", "gw_ABCDEFGHIJKLMNOPQRSTUVW!"})
    void completingThreeDSecureWithAnIdTheGatewayDidNotGiveIsRefused(String id) {
        GatewayAuthorization authorization = authorization(TestCards.THREE_D_SECURE_REQUIRED);
        gateway.authorize(authorization);

        assertThrows(IllegalArgumentException.class, () -> gateway.completeThreeDSecure(authorization.transactionId(), id));
        assertThrows(IllegalArgumentException.class, () -> gateway.completeThreeDSecure("txn_unknown", id));
    }

    @Test
    void completingAVoidedAuthorisationIsAProcessingErrorAndChargesNothing() {
        GatewayAuthorization authorization = authorization(TestCards.THREE_D_SECURE_REQUIRED);
        String id = gateway.authorize(authorization).gatewayTransactionId();
        ledger.voidIfUntouched(authorization.transactionId(), CLOCK.instant(), CLOCK.instant());

        assertInstanceOf(ProcessingError.class, gateway.completeThreeDSecure(authorization.transactionId(), id));
        assertEquals(AuthorizationState.VOIDED, recorded(authorization).state());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCards.SUCCESS, TestCards.DECLINED, TestCards.THREE_D_SECURE_REQUIRED,
            TestCards.PROCESSING_ERROR})
    void authorisingAgainUnderTheSameTransactionIdAnswersTheFirstAnswerAndRecordsOnce(String pan) {
        GatewayAuthorization authorization = authorization(pan);
        GatewayResult first = gateway.authorize(authorization);

        GatewayResult retried = new TestModeCardGateway(ledger, CLOCK).authorize(authorization);

        assertEquals(first, retried);
        assertEquals(1, ledger.all().size());
        assertEquals(first, recorded(authorization).answer());
    }

    @Test
    void theLedgerRecordsWhoWasChargedHowMuchAndNoCardData() {
        GatewayAuthorization authorization = authorization(TestCards.SUCCESS);
        GatewayResult answer = gateway.authorize(authorization);

        AuthorizationRecord record = recorded(authorization);
        assertEquals(new AuthorizationRecord(authorization.transactionId(), "mch_gateway_test", Mode.TEST,
                Money.of(1000, "USD"), answer, AuthorizationState.CHARGED, CLOCK.instant(), CLOCK.instant()), record);
        assertFalse(record.toString().contains(TestCards.SUCCESS), record.toString());
        assertFalse(record.toString().contains("987"), record.toString());
        assertEquals(AuthorizationState.NOT_CHARGED,
                recorded(authorizeAndGet(TestCards.DECLINED)).state());
    }

    @Test
    void aVoidedAuthorisationIsNotRevivedByARetryWhichGetsAProcessingError() {
        GatewayAuthorization authorization = authorization(TestCards.SUCCESS);
        String id = gateway.authorize(authorization).gatewayTransactionId();
        ledger.voidIfUntouched(authorization.transactionId(), CLOCK.instant(), CLOCK.instant());

        ProcessingError retried = assertInstanceOf(ProcessingError.class, gateway.authorize(authorization));

        assertEquals(id, retried.gatewayTransactionId());
        assertEquals(AuthorizationState.VOIDED, recorded(authorization).state());
    }

    @Test
    void theSameTransactionIdForAnotherAmountIsABugNotACharge() {
        GatewayAuthorization authorization = authorization(TestCards.SUCCESS);
        gateway.authorize(authorization);
        GatewayAuthorization other = new GatewayAuthorization(authorization.transactionId(), "mch_gateway_test",
                Mode.TEST, Money.of(2000, "USD"), authorization.card());

        assertThrows(IllegalStateException.class, () -> gateway.authorize(other));
    }

    @Test
    void whenTheLedgerCannotBeWrittenNothingIsAuthorisedAndTheFailureIsTheCallers() {
        RetryableFailure throttled = new RetryableFailure("DynamoDB PutItem failed: throttled", null);
        ledger.failNextRecordWith(throttled);

        assertEquals(throttled, assertThrows(RetryableFailure.class, () -> authorize(TestCards.SUCCESS)));
        assertTrue(ledger.all().isEmpty());
    }

    @Test
    void fraudTestCardIsApprovedByTheGatewayBecauseTheFraudScreenRunsBeforeIt() {
        assertInstanceOf(Approved.class, authorize(TestCards.BLOCKED_BY_FRAUD_RULES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5555555555554444", "378282246310005", "6011111111111117", "4000000000000010",
            "4111111111111111", "3566002020360505"})
    void anyOtherValidNumberIsApproved(String pan) {
        assertInstanceOf(Approved.class, authorize(pan));
    }

    @Test
    void everyAnswerCarriesAFreshWellFormedGatewayId() {
        Set<String> ids = new HashSet<>();
        for (String pan : new String[] {TestCards.SUCCESS, TestCards.DECLINED, TestCards.THREE_D_SECURE_REQUIRED,
                TestCards.INSUFFICIENT_FUNDS, TestCards.EXPIRED_CARD, TestCards.INCORRECT_CVC,
                TestCards.PROCESSING_ERROR, TestCards.SUCCESS}) {
            String id = authorize(pan).gatewayTransactionId();
            assertTrue(id.matches("gw_[0-9A-Za-z]{24}"), id);
            assertTrue(ids.add(id), "duplicate id " + id);
        }
    }

    @Test
    void declineMessagesNeverContainThePan() {
        for (String pan : new String[] {TestCards.DECLINED, TestCards.INSUFFICIENT_FUNDS, TestCards.EXPIRED_CARD,
                TestCards.INCORRECT_CVC}) {
            Declined declined = (Declined) authorize(pan);
            assertFalse(declined.toString().contains(pan));
            assertFalse(declined.toApiException().getMessage().contains(pan));
        }
    }

    @Test
    void authorizationToStringNeverContainsThePanOrCvv() {
        GatewayAuthorization authorization = authorization(TestCards.SUCCESS);
        String shown = authorization.toString();
        assertFalse(shown.contains(TestCards.SUCCESS), shown);
        assertFalse(shown.contains("987"), shown);
        assertTrue(shown.contains(authorization.transactionId()), shown);
    }

    private GatewayResult authorize(String pan) {
        return gateway.authorize(authorization(pan));
    }

    private GatewayAuthorization authorizeAndGet(String pan) {
        GatewayAuthorization authorization = authorization(pan);
        gateway.authorize(authorization);
        return authorization;
    }

    private AuthorizationRecord recorded(GatewayAuthorization authorization) {
        return ledger.find(authorization.transactionId()).orElseThrow();
    }

    /** Each under a transaction id of its own, as every payment is. */
    private GatewayAuthorization authorization(String pan) {
        String cvv = pan.startsWith("37") ? "9876" : "987";
        CardDetails card = CardDetails.validate(pan, "12", "2030", cvv, CLOCK);
        return new GatewayAuthorization("txn_test_" + ++transactions, "mch_gateway_test", Mode.TEST,
                Money.of(1000, "USD"), card);
    }

    private static void assertDeclined(GatewayResult result, ErrorCode code, String declineCode, String message) {
        Declined declined = assertInstanceOf(Declined.class, result);
        assertAll(
                () -> assertEquals(code, declined.code()),
                () -> assertEquals(declineCode, declined.declineCode()),
                () -> assertEquals(message, declined.message()),
                () -> assertEquals(code, declined.toApiException().code()),
                () -> assertEquals(declineCode, declined.toApiException().declineCode()),
                () -> assertNotEquals(null, declined.gatewayTransactionId()));
    }
}
