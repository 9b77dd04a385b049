package com.circoflows.domain.risk;

import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.gateway.TestCards;
import java.util.Set;

/**
 * {@value #NAME}: cards refused whatever else is true. Today the list holds test mode's card that
 * always trips the fraud rules. The rule keeps only their fingerprints, so it never sees a number.
 */
final class BlockedCardRule implements FraudRule {
    static final String NAME = "blocked_card";

    private final Set<String> blockedFingerprints;

    BlockedCardRule(CardFingerprinter fingerprinter) {
        this.blockedFingerprints = Set.of(fingerprinter.fingerprint(CardNumber.parse(TestCards.BLOCKED_BY_FRAUD_RULES)));
    }

    @Override
    public RuleResult evaluate(RiskAttempt attempt, RiskSettings settings) {
        return blockedFingerprints.contains(attempt.cardFingerprint()) ? RuleResult.block(NAME) : RuleResult.clear(NAME);
    }
}
