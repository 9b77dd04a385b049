package com.circoflows.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.testing.TestCardData;
import com.circoflows.testing.TestClocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockedCardRuleTest {
    private final BlockedCardRule rule = new BlockedCardRule(TestCardData.fingerprinter());

    private static RiskAttempt paying(String pan, long amount, String currency) {
        String fingerprint = TestCardData.fingerprinter().fingerprint(CardNumber.parse(pan));
        return new RiskAttempt(Attempts.MERCHANT_A, Mode.TEST, Money.of(amount, currency), fingerprint, TestClocks.NOW);
    }

    @ParameterizedTest
    @CsvSource({"1000, USD", "50, JPY", "200, KWD"})
    void theFraudTestCardIsBlockedInEveryCurrencyAndAmount(long amount, String currency) {
        assertEquals(RuleResult.block("blocked_card"), rule.evaluate(paying(TestCards.BLOCKED_BY_FRAUD_RULES,
                amount, currency), RiskSettings.DEFAULTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCards.SUCCESS, TestCards.DECLINED, "4100000000000027", "5555555555554444"})
    void everyOtherCardPassesWithoutPoints(String pan) {
        assertEquals(RuleResult.clear("blocked_card"), rule.evaluate(paying(pan, 1000, "USD"), RiskSettings.DEFAULTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4100 0000 0000 0019", "4100-0000-0000-0019"})
    void theBlockedCardIsRecognisedHoweverItWasTyped(String typed) {
        assertEquals(RuleResult.block("blocked_card"), rule.evaluate(paying(typed, 1000, "USD"), RiskSettings.DEFAULTS));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 1_000_000})
    void noMerchantSettingLetsTheBlockedCardThrough(long raisedLimit) {
        RiskSettings lenient = RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, raisedLimit)
                .with(RiskSetting.MERCHANT_VELOCITY_LIMIT, raisedLimit);

        assertEquals(RuleResult.block("blocked_card"),
                rule.evaluate(paying(TestCards.BLOCKED_BY_FRAUD_RULES, 1000, "USD"), lenient));
    }
}
