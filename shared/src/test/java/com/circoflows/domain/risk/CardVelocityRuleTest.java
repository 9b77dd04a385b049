package com.circoflows.domain.risk;

import static com.circoflows.domain.risk.Attempts.CARD_1;
import static com.circoflows.domain.risk.Attempts.CARD_2;
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

class CardVelocityRuleTest {
    private static final Instant NOW = TestClocks.NOW;

    private final InMemoryRateLimitCounter counter = new InMemoryRateLimitCounter();
    private final VelocityRule rule = VelocityRule.perCard(new WindowedCounts(counter), Attempts.TEST_CARDS);

    private RuleResult pay(String merchantId, String card, Instant at, RiskSettings settings) {
        return rule.evaluate(attempt(merchantId, card, 1000, "USD", at), settings);
    }

    private RuleResult payTimes(int times, String card, RiskSettings settings) {
        RuleResult last = null;
        for (int i = 0; i < times; i++) {
            last = pay(MERCHANT_A, card, NOW, settings);
        }
        return last;
    }

    @Test
    void byDefaultTheTenthAttemptOfAnHourWithOneCardPassesAndTheEleventhIsBlocked() {
        RuleResult tenth = payTimes(10, CARD_1, RiskSettings.DEFAULTS);
        assertFalse(tenth.blocks());

        assertEquals(RuleResult.block("card_velocity"), pay(MERCHANT_A, CARD_1, NOW, RiskSettings.DEFAULTS));
    }

    @Test
    void attemptsKeepCountingOnceBlockedSoTheCardStaysBlockedUntilTheWindowEnds() {
        payTimes(11, CARD_1, RiskSettings.DEFAULTS);

        assertTrue(pay(MERCHANT_A, CARD_1, NOW.plus(Duration.ofMinutes(59)), RiskSettings.DEFAULTS).blocks());
        assertFalse(pay(MERCHANT_A, CARD_1, NOW.plus(Duration.ofMinutes(60)), RiskSettings.DEFAULTS).blocks(),
                "the next hour is a new window");
    }

    @Test
    void anotherCardAtTheSameMerchantIsNotAffected() {
        payTimes(11, CARD_1, RiskSettings.DEFAULTS);

        assertEquals(RuleResult.clear("card_velocity"), pay(MERCHANT_A, CARD_2, NOW, RiskSettings.DEFAULTS));
    }

    @Test
    void theSameCardIsNeverCountedAcrossMerchants() {
        payTimes(11, CARD_1, RiskSettings.DEFAULTS);

        assertEquals(RuleResult.clear("card_velocity"), pay(MERCHANT_B, CARD_1, NOW, RiskSettings.DEFAULTS));
    }

    @Test
    void testAndLiveModeAreCountedApart() {
        payTimes(11, CARD_1, RiskSettings.DEFAULTS);

        assertFalse(rule.evaluate(Attempts.live(CARD_1, NOW), RiskSettings.DEFAULTS).blocks());
    }

    @Test
    void attemptsInEveryCurrencyCountTogether() {
        RiskSettings three = RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 2);
        rule.evaluate(attempt(MERCHANT_A, CARD_1, 5000, "JPY", NOW), three);
        rule.evaluate(attempt(MERCHANT_A, CARD_1, 1250, "KWD", NOW), three);

        assertTrue(rule.evaluate(attempt(MERCHANT_A, CARD_1, 1000, "USD", NOW), three).blocks());
    }

    @Test
    void aMerchantsOwnLimitAndWindowReplaceTheDefaults() {
        RiskSettings strict = RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 3)
                .with(RiskSetting.CARD_VELOCITY_WINDOW_MINUTES, 5);

        assertFalse(payTimes(3, CARD_1, strict).blocks());
        assertTrue(pay(MERCHANT_A, CARD_1, NOW.plus(Duration.ofMinutes(4)), strict).blocks());
        assertFalse(pay(MERCHANT_A, CARD_1, NOW.plus(Duration.ofMinutes(5)), strict).blocks());
    }

    @Test
    void fromHalfTheLimitTheRuleAddsPointsWithoutBlocking() {
        assertEquals(RuleResult.clear("card_velocity"), payTimes(4, CARD_1, RiskSettings.DEFAULTS));
        assertEquals(new RuleResult("card_velocity", 20, false), pay(MERCHANT_A, CARD_1, NOW, RiskSettings.DEFAULTS));
        payTimes(4, CARD_1, RiskSettings.DEFAULTS);
        assertEquals(new RuleResult("card_velocity", 40, false), pay(MERCHANT_A, CARD_1, NOW, RiskSettings.DEFAULTS),
                "the tenth attempt is the last allowed");
    }

    @Test
    void countersKeepOnlyTheFingerprintAndExpireAMinuteAfterTheirWindow() {
        pay(MERCHANT_A, CARD_1, NOW.plus(Duration.ofMinutes(30)), RiskSettings.DEFAULTS);

        String bucket = counter.counts().keySet().iterator().next();
        assertEquals("card#" + MERCHANT_A + "#test#" + CARD_1 + "#3600s#" + NOW.getEpochSecond(), bucket);
        assertEquals(NOW.plus(Duration.ofMinutes(61)), counter.expiryOf(bucket));
    }
}
