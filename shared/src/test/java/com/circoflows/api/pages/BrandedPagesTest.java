package com.circoflows.api.pages;

import static com.circoflows.api.pages.FakeCheckout.MERCHANT;
import static com.circoflows.api.pages.FakeCheckout.SESSION_ID;
import static com.circoflows.api.pages.FakeCheckout.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingLookup;
import com.circoflows.domain.branding.ButtonStyle;
import com.circoflows.domain.branding.HexColor;
import com.circoflows.domain.branding.ImageFormat;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.branding.LogoReference;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The merchant's branding on the hosted payment page and the 3-D Secure page. */
class BrandedPagesTest {
    private static final Pattern STYLE = Pattern.compile("<style nonce=\"[^\"]+\">([^<]*)</style>");
    private static final Branding AMBER = new Branding("Acme Coffee", new HexColor("#d97706"),
            new HexColor("#6b2fa3"), ButtonStyle.PILL, null);

    private final FakeCheckout checkout = new FakeCheckout();
    private final PageTokens tokens = new PageTokens(
            new DerivedKeys("page-test-secret-0123456789abcdefghij").keyFor(DerivedKeys.PAGE_TOKEN), true);
    private final List<String> looked = new ArrayList<>();
    private final BrandingLookup lookup = (merchantId, businessName) -> {
        looked.add(merchantId + "/" + businessName);
        return AMBER;
    };

    @Test
    void thePaymentFormShowsTheDisplayNameAndTheBrandsColoursInItsNoncedStyleBlock() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        PaymentPage page = new PaymentPage(checkout, tokens, TestClocks.fixed(), true, lookup);

        String html = page.handle(ApiRequests.get("/pay/" + SESSION_ID).pathParam("session_id", SESSION_ID).build())
                .body();

        assertTrue(html.contains("<span class=\"merchant-name\">Acme Coffee</span>"), html);
        assertTrue(html.contains("<title>Pay Acme Coffee</title>"), html);
        assertFalse(html.contains(MERCHANT), "the business name gives way to the display name");
        String css = style(html);
        assertTrue(css.contains(".pay-button,.button{background:#d97706;color:#111111;border-radius:999px}"), css);
        assertTrue(css.contains("a{color:#6b2fa3}"), css);
        assertFalse(html.contains(" style="), "the CSP allows no style attribute");
        assertEquals(List.of(session().page().session().merchantId() + "/" + MERCHANT), looked);
    }

    @Test
    void aMerchantWithTheDefaultLookGetsThePageStyleSheetUnchanged() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        String branded = new PaymentPage(checkout, tokens, TestClocks.fixed(), true,
                (id, name) -> Branding.defaults("Shown Name")).handle(ApiRequests.get("/pay/" + SESSION_ID)
                .pathParam("session_id", SESSION_ID).build()).body();
        String plain = new PaymentPage(checkout, tokens, TestClocks.fixed()).handle(ApiRequests.get("/pay/" + SESSION_ID)
                .pathParam("session_id", SESSION_ID).build()).body();

        assertEquals(style(plain), style(branded));
        assertTrue(branded.contains("Shown Name"));
    }

    @Test
    void aBrandingThatCannotBeReadLeavesThePageInTheDefaultLookRatherThanFailingIt() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        PaymentPage page = new PaymentPage(checkout, tokens, TestClocks.fixed(), true, (id, name) -> {
            throw new IllegalStateException("table unavailable");
        });

        ApiResponse response = page.handle(ApiRequests.get("/pay/" + SESSION_ID).pathParam("session_id", SESSION_ID)
                .build());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains(MERCHANT));
    }

    @Test
    void theChallengePageShowsTheDisplayNameAndTheBrandsButtons() {
        PaymentWorld world = PaymentWorld.create();
        Transaction t = world.pendingChallenge();
        ThreeDSecurePage page = new ThreeDSecurePage(world.challenges, world.merchants, tokens, true, lookup);

        String html = page.handle(ApiRequests.get("/pay/3ds/" + t.transactionId())
                .pathParam("transaction_id", t.transactionId()).build()).body();

        assertTrue(html.contains("<dd>Acme Coffee</dd>"), html);
        String css = style(html);
        assertTrue(css.contains("button.primary{background:#d97706;color:#111111}"), css);
        assertTrue(css.contains("button{border-radius:999px}"), css);
        assertFalse(html.contains(" style="));
    }

    @Test
    void aMerchantsLogoStandsForItsNameOnThePaymentFormAsAnEmbeddedImageNamedByTheDisplayName() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        PaymentPage page = new PaymentPage(checkout, tokens, TestClocks.fixed(), true, withLogo());

        String html = page.handle(ApiRequests.get("/pay/" + SESSION_ID).pathParam("session_id", SESSION_ID).build())
                .body();

        assertTrue(html.contains("<img class=\"brand-logo\" alt=\"Acme Coffee\" width=\"96\" height=\"32\" "
                + "src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(LOGO_BYTES) + "\">"), html);
        assertFalse(html.contains("<span class=\"logo\""), "the logo replaces the initial");
        assertTrue(style(html).contains(".brand-logo{"), "sized by the page's nonce'd style sheet");
    }

    @Test
    void theChallengePageShowsTheLogoAboveTheChallenge() {
        PaymentWorld world = PaymentWorld.create();
        Transaction t = world.pendingChallenge();
        ThreeDSecurePage page = new ThreeDSecurePage(world.challenges, world.merchants, tokens, true, withLogo());

        String html = page.handle(ApiRequests.get("/pay/3ds/" + t.transactionId())
                .pathParam("transaction_id", t.transactionId()).build()).body();

        assertTrue(html.contains("<main class=\"card\"><p><img class=\"brand-logo\" alt=\"Acme Coffee\""), html);
    }

    @Test
    void aLogoThatCannotBeReadLeavesTheInitialInItsPlace() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        BrandingLookup failing = new BrandingLookup() {
            @Override
            public Branding forPage(String merchantId, String businessName) {
                return AMBER.withLogo(LOGO);
            }

            @Override
            public Optional<LogoImage> logoImage(String merchantId, LogoReference logo) {
                throw new IllegalStateException("logos table unavailable");
            }
        };

        ApiResponse response = new PaymentPage(checkout, tokens, TestClocks.fixed(), true, failing)
                .handle(ApiRequests.get("/pay/" + SESSION_ID).pathParam("session_id", SESSION_ID).build());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<span class=\"logo\" aria-hidden=\"true\">A</span>"), response.body());
        assertFalse(response.body().contains("<img"));
    }

    private static final byte[] LOGO_BYTES = {(byte) 0x89, 'P', 'N', 'G'};
    private static final LogoReference LOGO = new LogoReference("b".repeat(64), ImageFormat.PNG, 96, 32);

    private static BrandingLookup withLogo() {
        return new BrandingLookup() {
            @Override
            public Branding forPage(String merchantId, String businessName) {
                return AMBER.withLogo(LOGO);
            }

            @Override
            public Optional<LogoImage> logoImage(String merchantId, LogoReference logo) {
                return logo.equals(LOGO) ? Optional.of(new LogoImage(LOGO, LOGO_BYTES)) : Optional.empty();
            }
        };
    }

    private static String style(String html) {
        Matcher matcher = STYLE.matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}
