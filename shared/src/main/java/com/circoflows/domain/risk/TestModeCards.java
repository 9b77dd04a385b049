package com.circoflows.domain.risk;

import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.Mode;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test mode's documented cards as the fraud rules see them, by fingerprint only. A merchant's test
 * suite pays the gateway's documented cards (4242..., the decline and 3-D Secure cards) dozens of
 * times an hour, so the counting rules never block them; instead each rule has a card of its own
 * that trips it every time, so a suite can test the "fraudulent" path on purpose. Live mode has none
 * of this.
 */
final class TestModeCards {
    private final Set<String> exempt;
    private final Map<String, String> tripsRule;

    TestModeCards(CardFingerprinter fingerprinter) {
        this.exempt = TestCards.GATEWAY_ANSWERS.stream()
                .map(number -> fingerprinter.fingerprint(CardNumber.parse(number)))
                .collect(Collectors.toUnmodifiableSet());
        this.tripsRule = Map.of(
                fingerprinter.fingerprint(CardNumber.parse(TestCards.TRIPS_AMOUNT_LIMIT)), AmountLimitRule.NAME,
                fingerprinter.fingerprint(CardNumber.parse(TestCards.TRIPS_CARD_VELOCITY)), VelocityRule.CARD,
                fingerprinter.fingerprint(CardNumber.parse(TestCards.TRIPS_MERCHANT_VELOCITY)), VelocityRule.MERCHANT,
                fingerprinter.fingerprint(CardNumber.parse(TestCards.TRIPS_CARD_TESTING)), CardTestingRule.NAME);
    }

    /**
     * A documented gateway card in test mode: the velocity rules neither count nor block it, and card
     * testing never blocks it. Its issuer declines still count towards card testing: in test mode they
     * are the only declines there are, and a burst of them is what the rule watches for.
     */
    boolean exempt(RiskAttempt attempt) {
        return attempt.mode() == Mode.TEST && exempt.contains(attempt.cardFingerprint());
    }

    /** The attempt uses {@code rule}'s own test card, in test mode. */
    boolean trips(String rule, RiskAttempt attempt) {
        return attempt.mode() == Mode.TEST && rule.equals(tripsRule.get(attempt.cardFingerprint()));
    }
}
