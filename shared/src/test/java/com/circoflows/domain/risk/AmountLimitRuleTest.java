package com.circoflows.domain.risk;

import static com.circoflows.domain.risk.Attempts.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountLimitRuleTest {
    private final AmountLimitRule rule = new AmountLimitRule(Attempts.TEST_CARDS);

    @ParameterizedTest
    @CsvSource({
            "USD, 10000000",   // USD 100,000.00
            "GBP, 6000000",    // GBP 60,000.00
            "JPY, 10000000",   // exponent 0: JPY 10,000,000
            "KWD, 40000000",   // exponent 3: KWD 40,000.000
            "KRW, 99999999",   // 200,000 x KRW 700 would pass the API maximum: capped
            "HUF, 99999999"})
    void defaultLimitIsTwoHundredThousandMinimumChargesCappedAtTheApiMaximum(String currency, long limit) {
        assertEquals(limit, RiskSettings.defaultAmountLimit(Currency.getInstance(currency)));
    }

    @ParameterizedTest
    @CsvSource({"USD, 10000000", "JPY, 10000000", "KWD, 40000000"})
    void theLimitItselfPassesAndOneMinorUnitMoreIsBlocked(String currency, long limit) {
        assertFalse(rule.evaluate(attempt(limit, currency), RiskSettings.DEFAULTS).blocks());
        assertEquals(RuleResult.block("amount_limit"), rule.evaluate(attempt(limit + 1, currency), RiskSettings.DEFAULTS));
    }

    @Test
    void theApiMaximumPassesWhereItIsTheLimit() {
        assertFalse(rule.evaluate(attempt(99_999_999, "KRW"), RiskSettings.DEFAULTS).blocks());
    }

    @Test
    void aMerchantsLimitForOneCurrencyLeavesTheOthersAtTheirDefaults() {
        RiskSettings settings = RiskSettings.DEFAULTS.withAmountLimit(Currency.getInstance("USD"), 50_000);

        assertTrue(rule.evaluate(attempt(50_001, "USD"), settings).blocks());
        assertFalse(rule.evaluate(attempt(50_001, "EUR"), settings).blocks());
    }

    @Test
    void aMerchantMayRaiseItsLimitToTheApiMaximum() {
        RiskSettings settings = RiskSettings.DEFAULTS.withAmountLimit(Currency.getInstance("USD"), 99_999_999);

        assertFalse(rule.evaluate(attempt(99_999_999, "USD"), settings).blocks());
    }

    @Test
    void smallPaymentsAddNothingAndLargeOnesScoreInProportion() {
        assertEquals(RuleResult.clear("amount_limit"), rule.evaluate(attempt(4_999_999, "USD"), RiskSettings.DEFAULTS));
        assertEquals(new RuleResult("amount_limit", 20, false),
                rule.evaluate(attempt(5_000_000, "USD"), RiskSettings.DEFAULTS));
        assertEquals(new RuleResult("amount_limit", 30, false),
                rule.evaluate(attempt(30_000_000, "KWD"), RiskSettings.DEFAULTS));
    }
}
