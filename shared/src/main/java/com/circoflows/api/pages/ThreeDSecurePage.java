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
import com.circoflows.domain.session.PageLocale;
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
    /** The query parameter the hosted payment page names its session's language with. */
    public static final String LANGUAGE_PARAMETER = "lang";
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
        Words words = Words.choose(requestedLanguage(request), request.header("accept-language"));
        try {
            String transactionId = request.pathParameter("transaction_id");
            if (transactionId == null || !TRANSACTION_ID.matcher(transactionId).matches()) {
                return notFound(nonce, words);
            }
            return "POST".equals(request.method()) ? submit(request, transactionId, nonce, words)
                    : show(transactionId, nonce, words);
        } catch (ApiException e) {
            return ErrorStatuses.of(e.code()) == 404 ? notFound(nonce, words)
                    : problem(nonce, words, ErrorStatuses.of(e.code()), Text.CHALLENGE_CANNOT_CHANGE);
        } catch (RetryableFailure e) {
            LOG.warn("challenge_page_unavailable", Map.of("reason", String.valueOf(e.getMessage())));
            return problem(nonce, words, 503, Text.CHALLENGE_UNREACHABLE);
        } catch (RuntimeException e) {
            LOG.error("challenge_page_failure", Map.of("request_id", String.valueOf(request.requestId())), e);
            return problem(nonce, words, 500, Text.CHALLENGE_OUR_FAILURE);
        }
    }

    private ApiResponse show(String transactionId, String styleNonce, Words words) {
        Transaction transaction = challenges.findForChallenge(transactionId);
        if (transaction.threeDSecure() == ThreeDSecureStatus.NOT_REQUIRED) {
            return notFound(styleNonce, words);
        }
        if (!transaction.awaitsChallenge()) {
            return result(transaction, styleNonce, words);
        }
        String cookieNonce = PageTokens.newNonce();
        Branding brand = branding(transaction, words);
        String merchantName = brand.displayName();
        String body = logo(transaction, brand) + "<span class=\"badge\">" + words.escaped(Text.CHALLENGE_BADGE) + "</span>"
                + "<h1>" + words.escaped(Text.CHALLENGE_TITLE) + "</h1>"
                + "<p class=\"muted\">" + words.escaped(Text.CHALLENGE_LEAD) + "</p>"
                + "<dl><dt>" + words.escaped(Text.MERCHANT) + "</dt><dd>" + Html.escape(merchantName) + "</dd>"
                + "<dt>" + words.escaped(Text.AMOUNT) + "</dt><dd>" + Html.escape(amount(transaction, words)) + "</dd>"
                + "<dt>" + words.escaped(Text.CARD) + "</dt><dd>" + Html.escape(transaction.card().brand().wireName())
                + " •••• " + Html.escape(transaction.card().last4()) + "</dd></dl>"
                + "<form method=\"post\" class=\"actions\">"
                + "<input type=\"hidden\" name=\"csrf_token\" value=\""
                + tokens.tokenFor(transactionId, cookieNonce) + "\">"
                + "<button class=\"primary\" type=\"submit\" name=\"outcome\" value=\"authenticate\">"
                + words.escaped(Text.AUTHENTICATE) + "</button>"
                + "<button class=\"secondary\" type=\"submit\" name=\"outcome\" value=\"fail\">"
                + words.escaped(Text.FAIL_AUTHENTICATION) + "</button>"
                + "</form>";
        return Html.page(200, PageLayout.render(words.text(Text.CHALLENGE_DOCUMENT_TITLE), styleNonce, body, brand,
                        words), styleNonce, formTarget(transaction))
                .withHeader("set-cookie", tokens.cookieHeader(cookieNonce));
    }

    private ApiResponse submit(ApiRequest request, String transactionId, String styleNonce, Words words) {
        Map<String, String> form = FormBody.parse(request.body());
        String outcome = form.get("outcome");
        if (!tokens.isValid(transactionId, PageTokens.nonceFrom(request.header("cookie")), form.get("csrf_token"))) {
            return problem(styleNonce, words, 403, Text.CHALLENGE_PAGE_EXPIRED);
        }
        if (!"authenticate".equals(outcome) && !"fail".equals(outcome)) {
            return problem(styleNonce, words, 400, Text.CHALLENGE_CHOOSE);
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
        return result(transaction, styleNonce, words);
    }

    private ApiResponse result(Transaction transaction, String styleNonce, Words words) {
        boolean passed = transaction.threeDSecure() == ThreeDSecureStatus.AUTHENTICATED
                || transaction.threeDSecure() == ThreeDSecureStatus.NOT_REQUIRED;
        Branding brand = branding(transaction, words);
        String body = logo(transaction, brand) + "<span class=\"badge\">" + words.escaped(Text.CHALLENGE_BADGE) + "</span>"
                + "<h1>" + words.escaped(passed ? Text.AUTHENTICATION_COMPLETE : Text.AUTHENTICATION_FAILED) + "</h1>"
                + "<p class=\"result " + (passed ? "ok" : "bad") + "\">"
                + words.escaped(passed ? Text.YOU_APPROVED : Text.YOU_DID_NOT_APPROVE,
                        "amount", amount(transaction, words), "merchant", brand.displayName()) + "</p>"
                + (transaction.sessionId() != null
                        ? "<p><a href=\"" + Html.escape(sessionPage(transaction)) + "\">" + words.escaped(Text.CONTINUE)
                                + "</a></p>"
                        : transaction.returnUrl() == null
                        ? "<p class=\"muted\">" + words.escaped(Text.CLOSE_AND_RETURN) + "</p>"
                        : "<p><a href=\"" + Html.escape(returnLocation(transaction)) + "\">"
                                + words.escaped(Text.RETURN_TO_MERCHANT) + "</a></p>");
        return Html.page(200, PageLayout.render(words.text(Text.AUTHENTICATION_DOCUMENT_TITLE), styleNonce, body,
                brand, words), styleNonce, "");
    }

    /**
     * The hosted payment page sends its customer here with {@code ?lang=} when its session has a
     * {@code locale}, so the challenge speaks the language the checkout did. The form posts back to the
     * same address, so the result page keeps it. Anything but a page language is ignored.
     */
    private static PageLocale requestedLanguage(ApiRequest request) {
        return PageLocale.fromWireName(request.queryParameters().get(LANGUAGE_PARAMETER))
                .orElse(PageLocale.AUTO);
    }

    private ApiResponse notFound(String styleNonce, Words words) {
        return problem(styleNonce, words, 404, Text.CHALLENGE_NOT_FOUND);
    }

    private static ApiResponse problem(String styleNonce, Words words, int status, Text message) {
        String body = "<h1>" + words.escaped(Text.CHALLENGE_PROBLEM_TITLE) + "</h1><p class=\"muted\" role=\"alert\">"
                + words.escaped(message) + "</p>";
        return Html.page(status, PageLayout.render(words.text(Text.AUTHENTICATION_DOCUMENT_TITLE), styleNonce, body,
                Branding.defaults(""), words), styleNonce, "");
    }

    /** The merchant's branding; the default look (never a failed page) when it cannot be read now. */
    private Branding branding(Transaction transaction, Words words) {
        LogContext.merchant(transaction.merchantId()); // the page's log lines name whose customer it served
        String name = merchants.find(transaction.merchantId()).map(Merchant::name)
                .orElse(words.text(Text.THE_MERCHANT));
        try {
            return brandings.forPage(transaction.merchantId(), name);
        } catch (RuntimeException e) {
            LOG.warn("branding_unavailable", Map.of("reason", e.getClass().getSimpleName()));
            return Branding.defaults(name);
        }
    }

    /** The merchant's logo above the challenge, named by its display name; nothing when it has none. */
    private String logo(Transaction transaction, Branding brand) {
        return BrandLogo.of(brandings, transaction.merchantId(), brand)
                .map(image -> "<p>" + BrandLogo.img(image, brand.displayName()) + "</p>").orElse("");
    }

    private static String amount(Transaction transaction, Words words) {
        return CustomerMoney.format(transaction.amount().minorUnits(), transaction.amount().currency(),
                words.locale());
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
