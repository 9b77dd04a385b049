package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.SessionWorld;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The challenge page for a hosted session's payment hands the customer back to the payment page. */
class ThreeDSecurePageSessionTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final SessionWorld world = new SessionWorld();
    private final PageTokens tokens = new PageTokens(
            new DerivedKeys("page-test-secret-0123456789abcdefghij").keyFor(DerivedKeys.PAGE_TOKEN), true);
    private final ThreeDSecurePage page = new ThreeDSecurePage(world.challenges, world.merchants, tokens);

    @Test
    void answeringASessionsChallengeRedirectsToItsPaymentPageNotTheMerchant() {
        PaymentSession session = world.session();
        String txn = challenge(session);

        ApiResponse authenticated = answer(txn, "authenticate");

        assertEquals(303, authenticated.statusCode(), authenticated.body());
        assertEquals("/pay/" + session.sessionId(), authenticated.headers().get("location"));
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, world.storedTransaction(txn).threeDSecure());
        assertInstanceOf(CheckoutState.Paid.class, world.checkout.open(session.sessionId()),
                "the payment page completes it");
    }

    @Test
    void failingASessionsChallengeAlsoGoesBackToThePaymentPage() {
        PaymentSession session = world.session();
        String txn = challenge(session);

        ApiResponse failed = answer(txn, "fail");

        assertEquals(303, failed.statusCode());
        assertEquals("/pay/" + session.sessionId(), failed.headers().get("location"));
        assertInstanceOf(CheckoutState.AwaitingPayment.class, world.checkout.open(session.sessionId()));
    }

    @Test
    void reopeningAnAnsweredChallengeOffersTheWayBackToThePaymentPageNotTheReturnUrl() {
        PaymentSession session = world.session();
        String txn = challenge(session);
        answer(txn, "authenticate");

        ApiResponse reopened = get(txn);

        assertEquals(200, reopened.statusCode());
        assertTrue(reopened.body().contains("href=\"/pay/" + session.sessionId() + "\""), reopened.body());
        assertFalse(reopened.body().contains("merchant.example"), "the session's return URL is the page's to use");
    }

    private String challenge(PaymentSession session) {
        CheckoutState state = world.checkout.pay(session.sessionId(), SessionWorld.form(TestCards.THREE_D_SECURE_REQUIRED));
        return assertInstanceOf(CheckoutState.ChallengeRequired.class, state).transactionId();
    }

    private ApiResponse get(String transactionId) {
        return page.handle(ApiRequests.get("/pay/3ds/" + transactionId).pathParam("transaction_id", transactionId)
                .build());
    }

    private ApiResponse answer(String transactionId, String outcome) {
        ApiResponse shown = get(transactionId);
        Matcher token = CSRF_FIELD.matcher(shown.body());
        assertTrue(token.find(), shown.body());
        String setCookie = shown.headers().get("set-cookie");
        return page.handle(ApiRequests.post("/pay/3ds/" + transactionId, "csrf_token=" + token.group(1)
                        + "&outcome=" + outcome)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("cookie", setCookie.substring(0, setCookie.indexOf(';')))
                .pathParam("transaction_id", transactionId).build());
    }
}
