package com.circoflows.domain.risk;

import com.circoflows.domain.money.CurrencyRules;
import com.circoflows.domain.money.Money;
import java.time.Duration;

/**
 * {@value #NAME}: card testers check stolen numbers with small charges, most of which the issuers
 * decline. Once a merchant has had the configured number of small declines in a window, further small
 * attempts are blocked until the window ends; larger payments go on. Only issuer declines count
 * (not processing errors, and not attempts the screen itself blocked).
 *
 * <p>On a hosted payment page the merchant set the amount, so the tester cannot make it small: there
 * every decline counts and every attempt is judged, whatever the amount. In test mode the documented
 * gateway cards are never blocked (their declines still count) and the rule's own test card trips it.
 */
final class CardTestingRule implements FraudRule {
    static final String NAME = "card_testing";
    /**
     * Small is at most this many times the currency's minimum charge (USD 5.00, JPY 500, KWD 2.000):
     * the minimums are each worth about USD 0.50, so this means the same in every currency.
     */
    static final long SMALL_IN_MINIMUMS = 10;

    private final WindowedCounts counts;
    private final TestModeCards testCards;

    CardTestingRule(WindowedCounts counts, TestModeCards testCards) {
        this.counts = counts;
        this.testCards = testCards;
    }

    static boolean isSmall(Money amount) {
        return amount.minorUnits() <= SMALL_IN_MINIMUMS * CurrencyRules.minimumChargeMinorUnits(amount.currency());
    }

    @Override
    public RuleResult evaluate(RiskAttempt attempt, RiskSettings settings) {
        if (testCards.trips(NAME, attempt)) {
            return RuleResult.block(NAME);
        }
        if (!watches(attempt) || testCards.exempt(attempt)) {
            return RuleResult.clear(NAME);
        }
        long declines = counts.current(subject(attempt), attempt.at(), window(settings));
        long threshold = settings.value(RiskSetting.CARD_TESTING_DECLINES);
        return declines >= threshold ? RuleResult.block(NAME) : RuleResult.nearLimit(NAME, declines, threshold);
    }

    @Override
    public void countDecline(RiskAttempt attempt, RiskSettings settings) {
        if (watches(attempt)) {
            counts.add(subject(attempt), attempt.at(), window(settings));
        }
    }

    /** A small amount, or any amount on a hosted page. */
    private static boolean watches(RiskAttempt attempt) {
        return attempt.onHostedPage() || isSmall(attempt.amount());
    }

    private static String subject(RiskAttempt attempt) {
        return "small_declines#" + attempt.merchantScope();
    }

    private static Duration window(RiskSettings settings) {
        return settings.window(RiskSetting.CARD_TESTING_WINDOW_MINUTES);
    }
}
