package com.circoflows.domain.risk;

/**
 * {@value #NAME}: a single payment above the merchant's limit for its currency is blocked. Limits
 * are in minor units; see {@link RiskSettings#defaultAmountLimit} for the defaults.
 */
final class AmountLimitRule implements FraudRule {
    static final String NAME = "amount_limit";

    @Override
    public RuleResult evaluate(RiskAttempt attempt, RiskSettings settings) {
        long amount = attempt.amount().minorUnits();
        long limit = settings.amountLimit(attempt.amount().currency());
        return amount > limit ? RuleResult.block(NAME) : RuleResult.nearLimit(NAME, amount, limit);
    }
}
