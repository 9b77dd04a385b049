package com.circoflows.domain.risk;

import com.circoflows.domain.money.CurrencyRules;
import com.circoflows.domain.money.Money;
import java.time.Duration;

/**
 * {@value #NAME}: card testers check stolen numbers with small charges, most of which the issuers
 * decline. Once a merchant has had the configured number of small declines in a window, further small
 * attempts are blocked until the window ends; larger payments go on. Only issuer declines count
 * (not processing errors, and not attempts the screen itself blocked).
 */
final class CardTestingRule implements FraudRule {
    static final String NAME = "card_testing";
    /**
     * Small is at most this many times the currency's minimum charge (USD 5.00, JPY 500, KWD 2.000):
     * the minimums are each worth about USD 0.50, so this means the same in every currency.
     */
    static final long SMALL_IN_MINIMUMS = 10;

    private final WindowedCounts counts;

    CardTestingRule(WindowedCounts counts) {
        this.counts = counts;
    }

    static boolean isSmall(Money amount) {
        return amount.minorUnits() <= SMALL_IN_MINIMUMS * CurrencyRules.minimumChargeMinorUnits(amount.currency());
    }

    @Override
    public RuleResult evaluate(RiskAttempt attempt, RiskSettings settings) {
        if (!isSmall(attempt.amount())) {
            return RuleResult.clear(NAME);
        }
        long declines = counts.current(subject(attempt), attempt.at(), window(settings));
        long threshold = settings.value(RiskSetting.CARD_TESTING_DECLINES);
        return declines >= threshold ? RuleResult.block(NAME) : RuleResult.nearLimit(NAME, declines, threshold);
    }

    @Override
    public void countDecline(RiskAttempt attempt, RiskSettings settings) {
        if (isSmall(attempt.amount())) {
            counts.add(subject(attempt), attempt.at(), window(settings));
        }
    }

    private static String subject(RiskAttempt attempt) {
        return "small_declines#" + attempt.merchantScope();
    }

    private static Duration window(RiskSettings settings) {
        return settings.window(RiskSetting.CARD_TESTING_WINDOW_MINUTES);
    }
}
