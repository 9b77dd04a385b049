package com.circoflows.domain.risk;

import static com.circoflows.domain.risk.Attempts.MERCHANT_A;
import static com.circoflows.domain.risk.Attempts.MERCHANT_B;
import static com.circoflows.domain.risk.Attempts.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardTestingRuleTest {
    private static final Instant NOW = TestClocks.NOW;

    private final InMemoryRateLimitCounter counter = new InMemoryRateLimitCounter();
    private final CardTestingRule rule = new CardTestingRule(new WindowedCounts(counter), Attempts.TEST_CARDS);

    private void declineSmall(int times, String merchantId, Instant at, RiskSettings settings) {
        for (int i = 0; i < times; i++) {
            RiskAttempt declined = attempt(merchantId, "card-" + i, 100, "USD", at);
            rule.evaluate(declined, settings);
            rule.countDecline(declined, settings);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "500, USD, true", "501, USD, false",       // 10 x USD 0.50
            "500, JPY, true", "501, JPY, false",       // exponent 0: 10 x JPY 50
            "2000, KWD, true", "2001, KWD, false",     // exponent 3: 10 x KWD 0.200
            "7000, KRW, true", "7001, KRW, false"})
    void smallMeansAtMostTenTimesTheCurrencysMinimumCharge(long amount, String currency, boolean small) {
        assertEquals(small, CardTestingRule.isSmall(Money.of(amount, currency)));
    }

    @Test
    void afterTenSmallDeclinesInTenMinutesTheNextSmallAttemptIsBlocked() {
        declineSmall(9, MERCHANT_A, NOW, RiskSettings.DEFAULTS);
        assertFalse(rule.evaluate(attempt(100, "USD"), RiskSettings.DEFAULTS).blocks(), "nine declines");
        declineSmall(1, MERCHANT_A, NOW, RiskSettings.DEFAULTS);

        assertEquals(RuleResult.block("card_testing"), rule.evaluate(attempt(100, "USD"), RiskSettings.DEFAULTS));
    }

    @Test
    void largerPaymentsGoOnWhileSmallOnesAreBlocked() {
        declineSmall(10, MERCHANT_A, NOW, RiskSettings.DEFAULTS);

        assertEquals(RuleResult.clear("card_testing"), rule.evaluate(attempt(501, "USD"), RiskSettings.DEFAULTS));
    }

    @Test
    void largeDeclinesAreNotCounted() {
        for (int i = 0; i < 20; i++) {
            rule.countDecline(attempt(10_000, "USD"), RiskSettings.DEFAULTS);
        }

        assertEquals(RuleResult.clear("card_testing"), rule.evaluate(attempt(100, "USD"), RiskSettings.DEFAULTS));
        assertTrue(counter.counts().isEmpty());
    }

    @Test
    void declinesOnAHostedPageCountWhateverTheAmountAndThenBlockThePagesAttemptsOfAnyAmount() {
        for (int i = 0; i < 10; i++) {
            RiskAttempt declined = onHostedPage(250_000);
            rule.evaluate(declined, RiskSettings.DEFAULTS);
            rule.countDecline(declined, RiskSettings.DEFAULTS);
        }

        assertEquals(RuleResult.block("card_testing"), rule.evaluate(onHostedPage(250_000), RiskSettings.DEFAULTS));
        assertEquals(RuleResult.block("card_testing"), rule.evaluate(attempt(100, "USD"), RiskSettings.DEFAULTS));
        assertEquals(RuleResult.clear("card_testing"), rule.evaluate(attempt(250_000, "USD"), RiskSettings.DEFAULTS),
                "a direct payment's large amount is the merchant's own order");
    }

    private static RiskAttempt onHostedPage(long amount) {
        return new RiskAttempt(MERCHANT_A, Mode.TEST, Money.of(amount, "USD"), "card-on-page", NOW, true);
    }

    @Test
    void smallDeclinesInZeroAndThreeDecimalCurrenciesCountTowardsTheSameThreshold() {
        RiskSettings two = RiskSettings.DEFAULTS.with(RiskSetting.CARD_TESTING_DECLINES, 2);
        rule.countDecline(attempt(500, "JPY"), two);
        rule.countDecline(attempt(2000, "KWD"), two);

        assertTrue(rule.evaluate(attempt(50, "JPY"), two).blocks());
        assertTrue(rule.evaluate(attempt(200, "KWD"), two).blocks());
        assertFalse(rule.evaluate(attempt(501, "JPY"), two).blocks());
    }

    @Test
    void smallAttemptsPassAgainWhenTheWindowEnds() {
        declineSmall(10, MERCHANT_A, NOW, RiskSettings.DEFAULTS);

        assertTrue(rule.evaluate(attempt(MERCHANT_A, "card-x", 100, "USD", NOW.plus(Duration.ofSeconds(599))),
                RiskSettings.DEFAULTS).blocks());
        assertFalse(rule.evaluate(attempt(MERCHANT_A, "card-x", 100, "USD", NOW.plus(Duration.ofMinutes(10))),
                RiskSettings.DEFAULTS).blocks());
    }

    @Test
    void anotherMerchantsDeclinesDoNotCount() {
        declineSmall(10, MERCHANT_B, NOW, RiskSettings.DEFAULTS);

        assertEquals(RuleResult.clear("card_testing"), rule.evaluate(attempt(100, "USD"), RiskSettings.DEFAULTS));
    }

    @Test
    void aMerchantsThresholdAndWindowReplaceTheDefaults() {
        RiskSettings strict = RiskSettings.DEFAULTS.with(RiskSetting.CARD_TESTING_DECLINES, 3)
                .with(RiskSetting.CARD_TESTING_WINDOW_MINUTES, 60);
        declineSmall(3, MERCHANT_A, NOW, strict);

        assertTrue(rule.evaluate(attempt(MERCHANT_A, "card-x", 100, "USD", NOW.plus(Duration.ofMinutes(59))),
                strict).blocks());
    }

    @Test
    void declinesBeforeTheThresholdScoreInProportionWithoutBlocking() {
        declineSmall(5, MERCHANT_A, NOW, RiskSettings.DEFAULTS);

        assertEquals(new RuleResult("card_testing", 20, false), rule.evaluate(attempt(100, "USD"), RiskSettings.DEFAULTS));
    }
}
