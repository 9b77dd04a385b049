package com.circoflows.domain.risk;

import java.util.List;
import java.util.Objects;

/**
 * The fraud screen's verdict on one payment, kept on its transaction: a score from 0 to 100 (the
 * sum of the rules' points, capped), the rules that added to it, and whether one of them blocked it.
 */
public record RiskAssessment(int score, List<String> rulesHit, boolean blocked) {

    public RiskAssessment {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("risk score must be 0 to 100, got " + score);
        }
        rulesHit = List.copyOf(Objects.requireNonNull(rulesHit, "rulesHit"));
    }

    static RiskAssessment of(List<RuleResult> results) {
        int points = results.stream().mapToInt(RuleResult::points).sum();
        List<String> hit = results.stream().filter(RuleResult::hit).map(RuleResult::rule).toList();
        return new RiskAssessment(Math.min(100, points), hit, results.stream().anyMatch(RuleResult::blocks));
    }
}
