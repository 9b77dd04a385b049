package com.circoflows.domain.risk;

/** One fraud check, run on every payment attempt before the gateway sees the card. */
interface FraudRule {

    /** Judges the attempt, counting it first where the rule counts attempts. */
    RuleResult evaluate(RiskAttempt attempt, RiskSettings settings);

    /** The issuer declined an attempt this rule judged; only rules that watch declines count it. */
    default void countDecline(RiskAttempt attempt, RiskSettings settings) {
    }
}
