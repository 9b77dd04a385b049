package com.circoflows.api.pages;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.wallet.Wallet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which wallets the payment page offers a session: a test-mode session test mode's own (plain forms the
 * server answers by minting a token), a live session the real wallets configured (buttons the page's script
 * shows only where the device can pay with them). Either way the token is paid through the same path.
 */
public record PageWallets(TestWallets test, LiveWallets live) {
    public static final PageWallets NONE = new PageWallets(TestWallets.NONE, LiveWallets.NONE);
    static final String GOOGLE_PAY_ORIGIN = "https://pay.google.com";

    List<Wallet> testWalletsFor(PaymentSession session) {
        return session.mode() == Mode.TEST ? test.offered() : List.of();
    }

    boolean googlePayFor(PaymentSession session) {
        return session.mode() == Mode.LIVE && live.googlePay();
    }

    boolean applePayFor(PaymentSession session) {
        return session.mode() == Mode.LIVE && live.applePay();
    }

    /**
     * Google Pay's script, the calls it makes and the frame it may open, on the pages that show its button;
     * our own origin for Apple Pay's merchant validation call. Nothing on every other page.
     */
    CspAdditions cspFor(PaymentSession session) {
        boolean google = googlePayFor(session);
        List<String> connect = new ArrayList<>();
        if (applePayFor(session)) {
            connect.add("'self'");
        }
        if (google) {
            connect.add(GOOGLE_PAY_ORIGIN);
        }
        List<String> googlePay = google ? List.of(GOOGLE_PAY_ORIGIN) : List.of();
        return connect.isEmpty() ? CspAdditions.NONE : new CspAdditions(googlePay, connect, googlePay);
    }

    /**
     * The token to pay the session with: the one a real wallet handed the page, or for a test-mode session
     * one test mode's wallet mints now for the test card chosen; empty when the form asks for neither, or
     * for a test token where test mode offers none (a live session, a wallet it cannot mint yet).
     */
    Optional<String> tokenFor(WalletForm.Submission submission, PaymentSession session) {
        if (!submission.valid()) {
            return Optional.empty();
        }
        if (submission.token() != null) {
            return Optional.of(submission.token());
        }
        if (!testWalletsFor(session).contains(submission.wallet())) {
            return Optional.empty();
        }
        return Optional.of(test.mint(session, submission.wallet(), submission.testCard()));
    }
}
