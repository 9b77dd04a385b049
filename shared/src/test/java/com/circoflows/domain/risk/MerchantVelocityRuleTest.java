package com.circoflows.domain.risk;

import static com.circoflows.domain.risk.Attempts.MERCHANT_A;
import static com.circoflows.domain.risk.Attempts.MERCHANT_B;
import static com.circoflows.domain.risk.Attempts.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MerchantVelocityRuleTest {
    private static final Instant NOW = TestClocks.NOW;

    private final InMemoryRateLimitCounter counter = new InMemoryRateLimitCounter();
    private final VelocityRule rule = VelocityRule.perMerchant(new WindowedCounts(counter), Attempts.TEST_CARDS);

    /** A different card each time: the merchant's total is what this rule counts. */
    private RuleResult payWithNewCards(int times, String merchantId, Instant at, RiskSettings settings) {
        RuleResult last = null;
        for (int i = 0; i < times; i++) {
            last = rule.evaluate(attempt(merchantId, "card-" + i, 1000, "USD", at), settings);
        }
        return last;
    }

    @Test
    void byDefaultTheThousandthAttemptInTenMinutesPassesAndTheNextIsBlocked() {
        assertFalse(payWithNewCards(1_000, MERCHANT_A, NOW, RiskSettings.DEFAULTS).blocks());

        assertEquals(RuleResult.block("merchant_velocity"), payWithNewCards(1, MERCHANT_A, NOW, RiskSettings.DEFAULTS));
    }

    @Test
    void anotherMerchantKeepsTakingPayments() {
        RiskSettings two = RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 2);
        payWithNewCards(3, MERCHANT_A, NOW, two);

        assertFalse(payWithNewCards(1, MERCHANT_B, NOW, two).blocks());
    }

    @Test
    void liveModeHasItsOwnCount() {
        RiskSettings two = RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 2);
        payWithNewCards(3, MERCHANT_A, NOW, two);

        assertFalse(rule.evaluate(Attempts.live("card-live", NOW), two).blocks());
    }

    @Test
    void theCountStartsAgainWhenTheTenMinuteWindowEnds() {
        RiskSettings two = RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 2);
        payWithNewCards(3, MERCHANT_A, NOW, two);

        assertTrue(payWithNewCards(1, MERCHANT_A, NOW.plus(Duration.ofSeconds(599)), two).blocks());
        assertFalse(payWithNewCards(1, MERCHANT_A, NOW.plus(Duration.ofMinutes(10)), two).blocks());
    }

    @Test
    void paymentsInZeroAndThreeDecimalCurrenciesCountLikeAnyOther() {
        RiskSettings two = RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 2);
        rule.evaluate(attempt(MERCHANT_A, "card-1", 100_000, "JPY", NOW), two);
        rule.evaluate(attempt(MERCHANT_A, "card-2", 5_000, "KWD", NOW), two);

        assertTrue(rule.evaluate(attempt(MERCHANT_A, "card-3", 1000, "USD", NOW), two).blocks());
    }

    @Test
    void aMerchantsRaisedLimitAndLongerWindowApply() {
        RiskSettings busy = RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 5_000)
                .with(RiskSetting.MERCHANT_VELOCITY_WINDOW_MINUTES, 60);

        assertFalse(payWithNewCards(1_001, MERCHANT_A, NOW, busy).blocks());
        assertEquals(1, counter.counts().size());
        assertEquals(NOW.plus(Duration.ofMinutes(61)), counter.expiryOf(counter.counts().keySet().iterator().next()));
    }

    @Test
    void nearTheLimitTheRuleScoresInProportion() {
        RiskSettings ten = RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 10);

        assertEquals(new RuleResult("merchant_velocity", 32, false), payWithNewCards(8, MERCHANT_A, NOW, ten));
    }
}
