package com.circoflows.domain.risk;

/**
 * {@value #NAME}: a single payment above the merchant's limit for its currency is blocked. Limits
 * are in minor units; see {@link RiskSettings#defaultAmountLimit} for the defaults. In test mode its
 * own test card trips it whatever the amount.
 */
final class AmountLimitRule implements FraudRule {
    static final String NAME = "amount_limit";

    private final TestModeCards testCards;

    AmountLimitRule(TestModeCards testCards) {
        this.testCards = testCards;
    }

    @Override
    public RuleResult evaluate(RiskAttempt attempt, RiskSettings settings) {
        if (testCards.trips(NAME, attempt)) {
            return RuleResult.block(NAME);
        }
        long amount = attempt.amount().minorUnits();
        long limit = settings.amountLimit(attempt.amount().currency());
        return amount > limit ? RuleResult.block(NAME) : RuleResult.nearLimit(NAME, amount, limit);
    }
}
