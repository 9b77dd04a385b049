package com.circoflows.domain.risk;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.testing.TestCardData;
import com.circoflows.testing.TestClocks;
import java.time.Instant;

/** Attempts for the rule tests: merchant A in test mode, a card by fingerprint, at the suite's "now". */
final class Attempts {
    static final String MERCHANT_A = "mch_AAAAAAAAAAAAAAAAAAAA";
    static final String MERCHANT_B = "mch_BBBBBBBBBBBBBBBBBBBB";
    static final String CARD_1 = "fingerprint-of-card-1";
    static final String CARD_2 = "fingerprint-of-card-2";
    static final TestModeCards TEST_CARDS = new TestModeCards(TestCardData.fingerprinter());

    private Attempts() {
    }

    static RiskAttempt attempt(long amount, String currency) {
        return attempt(MERCHANT_A, CARD_1, amount, currency, TestClocks.NOW);
    }

    static RiskAttempt attempt(String merchantId, String card, long amount, String currency, Instant at) {
        return new RiskAttempt(merchantId, Mode.TEST, Money.of(amount, currency), card, at);
    }

    static RiskAttempt live(String card, Instant at) {
        return new RiskAttempt(MERCHANT_A, Mode.LIVE, Money.of(1000, "USD"), card, at);
    }
}
