package com.circoflows.api.pages;

import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * Test mode's wallet buttons: instead of a phone, the server mints a genuine token for the test card chosen
 * (with test mode's keys), which the page then pays exactly as it pays a real wallet's token.
 */
public final class TestWallets {
    public static final TestWallets NONE = new TestWallets(null, List.of(), Clock.systemUTC());
    /** A device card's expiry: well ahead, as a freshly provisioned token's is. */
    private static final int YEARS_AHEAD = 3;

    private final TestWalletTokens tokens;
    private final List<Wallet> offered;
    private final Clock clock;

    private TestWallets(TestWalletTokens tokens, List<Wallet> offered, Clock clock) {
        this.tokens = tokens;
        this.offered = offered;
        this.clock = clock;
    }

    /** Google Pay first, then Apple Pay. */
    public static TestWallets of(TestWalletTokens tokens, Clock clock) {
        return new TestWallets(tokens, List.of(Wallet.GOOGLE_PAY, Wallet.APPLE_PAY), clock);
    }

    List<Wallet> offered() {
        return offered;
    }

    /** The token test mode's wallet hands the page for this session's merchant and amount. */
    String mint(PaymentSession session, Wallet wallet, TestWalletCard card) {
        if (session.mode() != Mode.TEST || !offered.contains(wallet)) {
            throw new IllegalArgumentException("test mode mints no " + wallet.wireName() + " token for this session");
        }
        YearMonth expiry = YearMonth.now(clock).plusYears(YEARS_AHEAD);
        return tokens.mint(new TestWalletTokens.Mint(wallet, session.merchantId(), CardNumber.parse(card.pan()),
                new CardExpiry(expiry.getMonthValue(), expiry.getYear()), card.authMethodFor(wallet),
                new Money(session.amount(), Money.parseCurrency(session.currency()))));
    }
}
