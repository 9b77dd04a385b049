package com.circoflows.domain.risk;

import static com.circoflows.domain.risk.Attempts.MERCHANT_A;
import static com.circoflows.domain.risk.Attempts.MERCHANT_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.ratelimit.RateLimitCounter;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.InMemoryRiskSettingsRepository;
import com.circoflows.testing.TestCardData;
import com.circoflows.testing.TestClocks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Isolated
class FraudScreenTest {
    private static final String BLOCKED = TestCardData.fingerprinter().fingerprint(
            CardNumber.parse(TestCards.BLOCKED_BY_FRAUD_RULES));
    /** Not a documented test card: screened as a real card would be, in test mode too. */
    private static final String GOOD = fingerprint("5555555555554444");
    private static final String SUCCESS = fingerprint(TestCards.SUCCESS);

    private final InMemoryRateLimitCounter counters = new InMemoryRateLimitCounter();
    private final InMemoryRiskSettingsRepository settings = new InMemoryRiskSettingsRepository();
    private final FraudScreen screen = FraudScreen.standard(TestCardData.fingerprinter(), counters, settings);

    private static RiskAttempt attempt(String merchantId, String card, long amount) {
        return new RiskAttempt(merchantId, Mode.TEST, Money.of(amount, "USD"), card, TestClocks.NOW);
    }

    private static String fingerprint(String number) {
        return TestCardData.fingerprinter().fingerprint(CardNumber.parse(number));
    }

    @Test
    void anOrdinaryPaymentScoresZeroAndHitsNothing() {
        assertEquals(new RiskAssessment(0, List.of(), false), screen.screen(attempt(MERCHANT_A, GOOD, 1000)));
    }

    @Test
    void theBlockedTestCardIsBlockedWithTheHighestScore() {
        assertEquals(new RiskAssessment(100, List.of("blocked_card"), true),
                screen.screen(attempt(MERCHANT_A, BLOCKED, 1000)));
    }

    @Test
    void theScoreIsTheSumOfWhatEachRuleAddsNamingEachInRuleOrder() {
        settings.replace(MERCHANT_A, RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 2));
        screen.screen(attempt(MERCHANT_A, GOOD, 1000));

        // Second of two allowed attempts (40 points) of USD 60,000 against a USD 100,000 limit (24 points).
        assertEquals(new RiskAssessment(64, List.of("amount_limit", "card_velocity"), false),
                screen.screen(attempt(MERCHANT_A, GOOD, 6_000_000)));
    }

    @Test
    void everyRuleThatBlocksIsNamedAndTheScoreStopsAtOneHundred() {
        assertEquals(new RiskAssessment(100, List.of("blocked_card", "amount_limit"), true),
                screen.screen(attempt(MERCHANT_A, BLOCKED, 10_000_001)));
    }

    @Test
    void eachMerchantIsJudgedByItsOwnSettings() {
        settings.replace(MERCHANT_A, RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 1));
        screen.screen(attempt(MERCHANT_A, GOOD, 1000));
        screen.screen(attempt(MERCHANT_B, GOOD, 1000));

        assertTrue(screen.screen(attempt(MERCHANT_A, "another-card", 1000)).blocked());
        assertFalse(screen.screen(attempt(MERCHANT_B, "another-card", 1000)).blocked());
    }

    @Test
    void blockedAttemptsStillCountTowardsTheVelocityRules() {
        for (int i = 0; i < 10; i++) {
            screen.screen(attempt(MERCHANT_A, BLOCKED, 1000));
        }

        assertEquals(List.of("blocked_card", "card_velocity"), screen.screen(attempt(MERCHANT_A, BLOCKED, 1000)).rulesHit());
    }

    @Test
    void issuerDeclinesOfSmallAmountsFeedTheCardTestingRule() {
        for (int i = 0; i < 10; i++) {
            RiskAttempt declined = attempt(MERCHANT_A, "card-" + i, 100);
            screen.screen(declined);
            screen.issuerDeclined(declined);
        }

        RiskAssessment next = screen.screen(attempt(MERCHANT_A, "card-next", 100));
        assertTrue(next.blocked());
        assertEquals(List.of("card_testing"), next.rulesHit());
    }

    @Test
    void inTestModeTheSuccessCardPaidThirtyTimesInAMinuteIsNeverBlockedAndScoresNothing() {
        for (int i = 1; i <= 30; i++) {
            assertEquals(new RiskAssessment(0, List.of(), false), screen.screen(attempt(MERCHANT_A, SUCCESS, 100)),
                    "payment " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCards.SUCCESS, TestCards.DECLINED, TestCards.THREE_D_SECURE_REQUIRED,
            TestCards.INSUFFICIENT_FUNDS, TestCards.EXPIRED_CARD, TestCards.INCORRECT_CVC, TestCards.PROCESSING_ERROR})
    void inTestModeTheDocumentedGatewayCardsNeverTripVelocityOrCardTesting(String documented) {
        settings.replace(MERCHANT_A, RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 1)
                .with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 1).with(RiskSetting.CARD_TESTING_DECLINES, 1));
        screen.issuerDeclined(attempt(MERCHANT_A, GOOD, 100));

        for (int i = 0; i < 3; i++) {
            RiskAttempt again = attempt(MERCHANT_A, fingerprint(documented), 100);
            assertFalse(screen.screen(again).blocked(), documented);
            screen.issuerDeclined(again);
        }
    }

    @Test
    void declinesOfTheDocumentedDeclineCardsStillFeedCardTestingForOtherCards() {
        for (int i = 0; i < 10; i++) {
            RiskAttempt declined = attempt(MERCHANT_A, fingerprint(TestCards.DECLINED), 100);
            screen.screen(declined);
            screen.issuerDeclined(declined);
        }

        assertEquals(List.of("card_testing"), screen.screen(attempt(MERCHANT_A, GOOD, 100)).rulesHit());
        assertFalse(screen.screen(attempt(MERCHANT_A, SUCCESS, 100)).blocked());
    }

    @ParameterizedTest
    @CsvSource({
            TestCards.BLOCKED_BY_FRAUD_RULES + ", blocked_card",
            TestCards.TRIPS_AMOUNT_LIMIT + ", amount_limit",
            TestCards.TRIPS_CARD_VELOCITY + ", card_velocity",
            TestCards.TRIPS_MERCHANT_VELOCITY + ", merchant_velocity",
            TestCards.TRIPS_CARD_TESTING + ", card_testing"})
    void inTestModeEachRulesOwnCardTripsItOnItsFirstAttemptWhateverTheAmount(String card, String rule) {
        for (long amount : new long[] {100, 1000, 10_000_000}) {
            RiskAssessment risk = screen.screen(attempt(MERCHANT_A, fingerprint(card), amount));

            assertTrue(risk.blocked(), card + " " + amount);
            assertEquals(100, risk.score());
            assertTrue(risk.rulesHit().contains(rule), risk.rulesHit().toString());
        }
    }

    @Test
    void inLiveModeTheTestCardsAreScreenedLikeAnyOtherCard() {
        RiskAttempt live = new RiskAttempt(MERCHANT_A, Mode.LIVE, Money.of(1000, "USD"), SUCCESS, TestClocks.NOW);
        for (int i = 0; i < 10; i++) {
            assertFalse(screen.screen(live).blocked());
        }

        assertEquals(List.of("card_velocity"), screen.screen(live).rulesHit());
        assertFalse(screen.screen(new RiskAttempt(MERCHANT_A, Mode.LIVE, Money.of(1000, "USD"),
                fingerprint(TestCards.TRIPS_MERCHANT_VELOCITY), TestClocks.NOW)).blocked());
    }

    @Test
    void whenTheCountersCannotBeReachedTheScreenFailsRetryably() {
        FraudScreen unreachable = FraudScreen.standard(TestCardData.fingerprinter(), new UnreachableCounter(), settings);

        assertThrows(RetryableFailure.class, () -> unreachable.screen(attempt(MERCHANT_A, GOOD, 1000)));
    }

    @Test
    void aDeclineThatCannotBeCountedIsLoggedAndTheDeclineStands() {
        FraudScreen unreachable = FraudScreen.standard(TestCardData.fingerprinter(), new UnreachableCounter(), settings);

        try (CapturedLog log = CapturedLog.start()) {
            unreachable.issuerDeclined(attempt(MERCHANT_A, GOOD, 100));

            assertTrue(log.text().contains("\"event\":\"risk_decline_not_counted\""), log.text());
            assertTrue(log.text().contains("\"reason\":\"RetryableFailure\""), log.text());
        }
    }

    private static final class UnreachableCounter implements RateLimitCounter {
        @Override
        public long incrementAndGet(String bucket, Instant expiresAt) {
            throw new RetryableFailure("DynamoDB UpdateItem failed", null);
        }

        @Override
        public long current(String bucket) {
            throw new RetryableFailure("DynamoDB GetItem failed", null);
        }

        @Override
        public void giveBack(String bucket) {
            throw new RetryableFailure("DynamoDB UpdateItem failed", null);
        }
    }
}
