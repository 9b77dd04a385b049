package com.circoflows.api.pages;

import com.circoflows.api.ErrorStatuses;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingLookup;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.ThreeDSecureChallenges;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.observability.JsonLog;
import com.circoflows.observability.LogContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GET/POST /pay/3ds/{transaction_id}: the test-mode issuer's challenge. The customer chooses
 * "Authenticate" or "Fail authentication"; the answer is recorded on the transaction, which is what
 * confirm-3ds later checks the merchant's claim against.
 */
public final class ThreeDSecurePage {
    private static final JsonLog LOG = JsonLog.get(ThreeDSecurePage.class);
    private static final Pattern TRANSACTION_ID = Pattern.compile("^txn_[0-9A-Za-z]{24}$");

    private final ThreeDSecureChallenges challenges;
    private final MerchantRepository merchants;
    private final PageTokens tokens;
    private final boolean httpsOnly;
    private final BrandingLookup brandings;

    /** A page served over HTTPS only, as deployed. */
    public ThreeDSecurePage(ThreeDSecureChallenges challenges, MerchantRepository merchants, PageTokens tokens) {
        this(challenges, merchants, tokens, true);
    }

    /** Every merchant with the default look. */
    public ThreeDSecurePage(ThreeDSecureChallenges challenges, MerchantRepository merchants, PageTokens tokens,
            boolean httpsOnly) {
        this(challenges, merchants, tokens, httpsOnly, BrandingLookup.DEFAULTS);
    }

    /**
     * @param httpsOnly send Strict-Transport-Security; false in local mode, which serves plain http
     * @param brandings the merchant's display name, colours and button shape
     */
    public ThreeDSecurePage(ThreeDSecureChallenges challenges, MerchantRepository merchants, PageTokens tokens,
            boolean httpsOnly, BrandingLookup brandings) {
        this.challenges = challenges;
        this.merchants = merchants;
        this.tokens = tokens;
        this.httpsOnly = httpsOnly;
        this.brandings = brandings;
    }

    public ApiResponse handle(ApiRequest request) {
        ApiResponse response = answer(request);
        return httpsOnly ? Html.withStrictTransportSecurity(response) : response;
    }

    private ApiResponse answer(ApiRequest request) {
        String nonce = RandomIds.base62(16);
        try {
            String transactionId = request.pathParameter("transaction_id");
            if (transactionId == null || !TRANSACTION_ID.matcher(transactionId).matches()) {
                return notFound(nonce);
            }
            return "POST".equals(request.method()) ? submit(request, transactionId, nonce) : show(transactionId, nonce);
        } catch (ApiException e) {
            return ErrorStatuses.of(e.code()) == 404 ? notFound(nonce) : problem(nonce, ErrorStatuses.of(e.code()), e.getMessage());
        } catch (RetryableFailure e) {
            LOG.warn("challenge_page_unavailable", Map.of("reason", String.valueOf(e.getMessage())));
            return problem(nonce, 503, "We could not reach the bank just now. Please try again in a moment.");
        } catch (RuntimeException e) {
            LOG.error("challenge_page_failure", Map.of("request_id", String.valueOf(request.requestId())), e);
            return problem(nonce, 500, "Something went wrong on our side. Please try again.");
        }
    }

    private ApiResponse show(String transactionId, String styleNonce) {
        Transaction transaction = challenges.findForChallenge(transactionId);
        if (transaction.threeDSecure() == ThreeDSecureStatus.NOT_REQUIRED) {
            return notFound(styleNonce);
        }
        if (!transaction.awaitsChallenge()) {
            return result(transaction, styleNonce);
        }
        String cookieNonce = PageTokens.newNonce();
        Branding brand = branding(transaction);
        String merchantName = brand.displayName();
        String body = "<span class=\"badge\">Test mode: simulated card issuer</span>"
                + "<h1>Confirm it's you</h1>"
                + "<p class=\"muted\">Your bank asks you to approve this payment (3-D Secure).</p>"
                + "<dl><dt>Merchant</dt><dd>" + Html.escape(merchantName) + "</dd>"
                + "<dt>Amount</dt><dd>" + Html.escape(amount(transaction)) + "</dd>"
                + "<dt>Card</dt><dd>" + Html.escape(transaction.card().brand().wireName()) + " •••• "
                + Html.escape(transaction.card().last4()) + "</dd></dl>"
                + "<form method=\"post\" class=\"actions\">"
                + "<input type=\"hidden\" name=\"csrf_token\" value=\""
                + tokens.tokenFor(transactionId, cookieNonce) + "\">"
                + "<button class=\"primary\" type=\"submit\" name=\"outcome\" value=\"authenticate\">Authenticate</button>"
                + "<button class=\"secondary\" type=\"submit\" name=\"outcome\" value=\"fail\">Fail authentication</button>"
                + "</form>";
        return Html.page(200, PageLayout.render("Confirm your payment", styleNonce, body, brand), styleNonce,
                        formTarget(transaction))
                .withHeader("set-cookie", tokens.cookieHeader(cookieNonce));
    }

    private ApiResponse submit(ApiRequest request, String transactionId, String styleNonce) {
        Map<String, String> form = FormBody.parse(request.body());
        String outcome = form.get("outcome");
        if (!tokens.isValid(transactionId, PageTokens.nonceFrom(request.header("cookie")), form.get("csrf_token"))) {
            return problem(styleNonce, 403, "This page has expired. Go back, reload it and try again.");
        }
        if (!"authenticate".equals(outcome) && !"fail".equals(outcome)) {
            return problem(styleNonce, 400, "Choose Authenticate or Fail authentication.");
        }
        PaymentOutcome recorded = challenges.recordChallenge(transactionId, "authenticate".equals(outcome));
        Transaction transaction = recorded.transaction();
        if (transaction.sessionId() != null) {
            // A hosted session's payment: its page completes it and then sends the customer on.
            return Html.redirect(sessionPage(transaction));
        }
        if (transaction.returnUrl() != null) {
            return Html.redirect(returnLocation(transaction));
        }
        return result(transaction, styleNonce);
    }

    private ApiResponse result(Transaction transaction, String styleNonce) {
        boolean passed = transaction.threeDSecure() == ThreeDSecureStatus.AUTHENTICATED
                || transaction.threeDSecure() == ThreeDSecureStatus.NOT_REQUIRED;
        Branding brand = branding(transaction);
        String body = "<span class=\"badge\">Test mode: simulated card issuer</span>"
                + "<h1>" + (passed ? "Authentication complete" : "Authentication failed") + "</h1>"
                + "<p class=\"result " + (passed ? "ok\">You approved" : "bad\">You did not approve")
                + " the payment of " + Html.escape(amount(transaction)) + " to "
                + Html.escape(brand.displayName()) + ".</p>"
                + (transaction.sessionId() != null
                        ? "<p><a href=\"" + Html.escape(sessionPage(transaction)) + "\">Continue</a></p>"
                        : transaction.returnUrl() == null
                        ? "<p class=\"muted\">You can close this page and return to the merchant.</p>"
                        : "<p><a href=\"" + Html.escape(returnLocation(transaction)) + "\">Return to the merchant</a></p>");
        return Html.page(200, PageLayout.render("Payment authentication", styleNonce, body, brand), styleNonce, "");
    }

    private ApiResponse notFound(String styleNonce) {
        return problem(styleNonce, 404, "This payment does not exist or the link is incomplete.");
    }

    private static ApiResponse problem(String styleNonce, int status, String message) {
        String body = "<h1>We can't show this payment</h1><p class=\"muted\" role=\"alert\">" + Html.escape(message) + "</p>";
        return Html.page(status, PageLayout.render("Payment authentication", styleNonce, body, Branding.defaults("")),
                styleNonce, "");
    }

    /** The merchant's branding; the default look (never a failed page) when it cannot be read now. */
    private Branding branding(Transaction transaction) {
        LogContext.merchant(transaction.merchantId()); // the page's log lines name whose customer it served
        String name = merchants.find(transaction.merchantId()).map(Merchant::name).orElse("the merchant");
        try {
            return brandings.forPage(transaction.merchantId(), name);
        } catch (RuntimeException e) {
            LOG.warn("branding_unavailable", Map.of("reason", e.getClass().getSimpleName()));
            return Branding.defaults(name);
        }
    }

    private static String amount(Transaction transaction) {
        return transaction.amount().formatPlain();
    }

    /** The redirect after submitting goes to the merchant, so the page's CSP must allow that origin. */
    private static String formTarget(Transaction transaction) {
        return Html.origin(transaction.returnUrl());
    }

    /** The hosted payment page the payment was made on (same origin as this page). */
    private static String sessionPage(Transaction transaction) {
        return "/pay/" + transaction.sessionId();
    }

    /** The merchant's return URL with the outcome added to its query (before any #fragment). */
    private static String returnLocation(Transaction transaction) {
        String url = transaction.returnUrl();
        int hash = url.indexOf('#');
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = beforeFragment.contains("?") ? "&" : "?";
        return beforeFragment + separator
                + "transaction_id=" + URLEncoder.encode(transaction.transactionId(), StandardCharsets.UTF_8)
                + "&status=" + URLEncoder.encode(transaction.status().wireName(), StandardCharsets.UTF_8)
                + "&three_d_secure=" + URLEncoder.encode(transaction.threeDSecure().wireName(), StandardCharsets.UTF_8)
                + fragment;
    }
}
