package com.circoflows.api.pages;

import com.circoflows.domain.money.Money;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.wallet.Wallet;
import java.util.List;

/**
 * The wallets' part of the payment form, above the card form: for a test-mode session test mode's wallet
 * buttons, plain forms that work without script; for a live session the real wallets' buttons, hidden until
 * the script finds the device can pay with them (without script, or without a wallet, the card form alone
 * remains). Nothing at all when the session is offered no wallet.
 */
final class WalletButtons {
    static final String STYLE = """
            .wallets{margin:0 0 4px}
            .wallets h2{font-size:1.05rem;margin:0 0 6px}
            .test-wallets{border:2px dashed #b98900;border-radius:10px;padding:14px 14px 4px;background:#fffaf0}
            .test-wallets .hint{margin:0 0 12px;font-size:.9rem}
            .test-wallets select{display:block;width:100%;font:inherit;font-size:16px;line-height:1.4;padding:11px 12px;
            color:#1a1f2c;background:#fff;border:1px solid #737d8f;border-radius:8px;margin:0}
            .test-wallets select:focus{outline:3px solid #a9c1ff;outline-offset:0;border-color:#1f4fd1}
            .wallet-button{display:flex;align-items:center;justify-content:center;width:100%;min-height:48px;font:inherit;
            font-size:1rem;font-weight:600;line-height:1.3;color:#fff;background:#000;border:0;border-radius:10px;
            padding:12px 16px;margin:0 0 10px;cursor:pointer;text-align:center}
            .wallet-button:hover{background:#2b2b2b}
            .wallet-button:focus-visible{outline:3px solid #1a1f2c;outline-offset:2px;box-shadow:0 0 0 6px #a9c1ff}
            .apple-pay{-webkit-appearance:-apple-pay-button;-apple-pay-button-type:pay;-apple-pay-button-style:black}
            """.replace("\n", "");

    private WalletButtons() {
    }

    /**
     * @param csrfToken the page's token, which every wallet form carries as the card form does
     * @param nonce     the page's nonce, for the real buttons' script
     */
    static String section(PageWallets wallets, PaymentSession session, String csrfToken, String nonce,
            String merchant, Words words) {
        List<Wallet> test = wallets.testWalletsFor(session);
        if (!test.isEmpty()) {
            return testSection(test, session, csrfToken, words);
        }
        boolean google = wallets.googlePayFor(session);
        boolean apple = wallets.applePayFor(session);
        return google || apple ? liveSection(wallets.live(), session, google, apple, csrfToken, nonce, merchant, words)
                : "";
    }

    /** Test mode's wallets, clearly labelled as such: a test card to choose and one button per wallet. */
    private static String testSection(List<Wallet> wallets, PaymentSession session, String csrfToken,
            Words words) {
        StringBuilder out = new StringBuilder(2048);
        out.append("<section id=\"test-wallets\" class=\"wallets test-wallets\" aria-labelledby=\"test-wallets-title\">")
                .append("<h2 id=\"test-wallets-title\">").append(words.escaped(Text.TEST_WALLETS_TITLE)).append("</h2>")
                .append("<p class=\"hint\" id=\"test-wallets-hint\">").append(words.escaped(Text.TEST_WALLETS_HINT))
                .append("</p>");
        out.append(formOpen("test-wallet-form", session, csrfToken, false));
        out.append("<div class=\"field\"><label for=\"").append(WalletForm.TEST_CARD_FIELD).append("\">")
                .append(words.escaped(Text.TEST_CARD)).append("</label><select id=\"")
                .append(WalletForm.TEST_CARD_FIELD).append("\" name=\"").append(WalletForm.TEST_CARD_FIELD).append("\">");
        for (TestWalletCard card : TestWalletCard.values()) {
            out.append("<option value=\"").append(card.wireName()).append("\">")
                    .append(words.escaped(card.label(), "digits", card.last4())).append("</option>");
        }
        out.append("</select></div>");
        for (Wallet wallet : wallets) {
            out.append("<button class=\"wallet-button\" id=\"test-").append(wallet.wireName().replace('_', '-'))
                    .append("\" type=\"submit\" name=\"").append(WalletForm.WALLET_FIELD).append("\" value=\"")
                    .append(wallet.wireName()).append("\">")
                    .append(words.escaped(wallet == Wallet.APPLE_PAY ? Text.PAY_WITH_TEST_APPLE_PAY
                            : Text.PAY_WITH_TEST_GOOGLE_PAY))
                    .append("</button>");
        }
        out.append("</form></section>");
        out.append(orDivider("test-wallets-or", words));
        return out.toString();
    }

    /**
     * The real wallets' buttons, all hidden: the script shows each one the device can pay with (and then the
     * section). What the wallets' requests need is handed to it in data attributes, escaped like any text.
     */
    private static String liveSection(LiveWallets live, PaymentSession session, boolean google, boolean apple,
            String csrfToken, String nonce, String merchant, Words words) {
        Money amount = new Money(session.amount(), Money.parseCurrency(session.currency()));
        StringBuilder out = new StringBuilder(2048);
        out.append("<section id=\"wallet-buttons\" class=\"wallets\" aria-labelledby=\"wallets-title\"")
                .append(data("merchant-name", merchant))
                .append(data("amount", amount.toMajorUnits().toPlainString()))
                .append(data("currency", session.currency()))
                .append(data("country", live.countryCode()));
        if (google) {
            out.append(data("google-merchant-id", live.googlePayMerchantId()))
                    .append(data("google-environment", live.googlePayEnvironment()))
                    .append(data("google-gateway", WalletScript.GOOGLE_PAY_GATEWAY))
                    .append(data("google-gateway-merchant-id", session.merchantId()));
        }
        if (apple) {
            out.append(data("apple-validation", "/pay/" + session.sessionId() + "/apple-pay-session"));
        }
        out.append(" hidden><h2 id=\"wallets-title\" class=\"visually-hidden\">")
                .append(words.escaped(Text.WALLETS_TITLE)).append("</h2>");
        if (google) {
            out.append("<button class=\"wallet-button google-pay\" id=\"google-pay-button\" type=\"button\" hidden>")
                    .append(words.escaped(Text.PAY_WITH_GOOGLE_PAY)).append("</button>");
        }
        if (apple) {
            out.append("<button class=\"wallet-button apple-pay\" id=\"apple-pay-button\" type=\"button\" hidden>")
                    .append(words.escaped(Text.PAY_WITH_APPLE_PAY)).append("</button>");
        }
        out.append(formOpen("wallet-form", session, csrfToken, true))
                .append("<input type=\"hidden\" name=\"").append(WalletForm.WALLET_FIELD).append("\" value=\"\">")
                .append("<input type=\"hidden\" name=\"").append(WalletForm.TOKEN_FIELD).append("\" value=\"\">")
                .append("</form>");
        out.append(orDivider("wallets-or", words)).append("</section>");
        out.append("<script nonce=\"").append(nonce).append("\">").append(WalletScript.SOURCE).append("</script>");
        return out.toString();
    }

    private static String formOpen(String id, PaymentSession session, String csrfToken, boolean hidden) {
        return "<form id=\"" + id + "\" method=\"post\" action=\"/pay/" + Html.escape(session.sessionId()) + "\""
                + (hidden ? " hidden" : "") + "><input type=\"hidden\" name=\"csrf_token\" value=\""
                + Html.escape(csrfToken) + "\">";
    }

    private static String orDivider(String id, Words words) {
        return "<p class=\"or\" id=\"" + id + "\" aria-hidden=\"true\"><span>" + words.escaped(Text.OR_DIVIDER)
                + "</span></p>";
    }

    private static String data(String name, String value) {
        return " data-" + name + "=\"" + Html.escape(value) + "\"";
    }
}
