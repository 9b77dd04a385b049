package com.circoflows.dashboard;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.dashboard.DashboardSessionTokens;
import com.circoflows.domain.dashboard.SignedInUser;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request to a dashboard page: who is signed in (or the visitor before sign-in), the form, the
 * page's CSP nonce, the mode (test or live) being looked at, and how to answer with the dashboard's
 * frame. A page never builds a CSRF token or a link to another mode by hand: it asks the visit.
 */
public final class Visit {
    private final ApiRequest request;
    private final Map<String, String> pathParameters;
    private final Map<String, String> form;
    private final String nonce;
    private final SignedInUser signedIn;
    private final String merchantName;
    private final String visitor;
    private final Mode mode;
    private final DashboardSessionTokens sessionTokens;
    private final VisitorFormTokens visitorTokens;
    private final Layout layout;
    private String setCookie;

    Visit(ApiRequest request, Map<String, String> pathParameters, Map<String, String> form, String nonce,
            SignedInUser signedIn, String merchantName, String visitor, Mode mode,
            DashboardSessionTokens sessionTokens, VisitorFormTokens visitorTokens, Layout layout) {
        this.request = request;
        this.pathParameters = pathParameters;
        this.form = form;
        this.nonce = nonce;
        this.signedIn = signedIn;
        this.merchantName = merchantName;
        this.visitor = visitor;
        this.mode = mode;
        this.sessionTokens = sessionTokens;
        this.visitorTokens = visitorTokens;
        this.layout = layout;
    }

    public ApiRequest request() {
        return request;
    }

    public String path() {
        return request.path();
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** A query parameter, or null. */
    public String query(String name) {
        return request.queryParameters().get(name);
    }

    /** A posted field, stripped of surrounding blanks where the field is not a secret; null when absent. */
    public String field(String name) {
        return form.get(name);
    }

    public String clientAddress() {
        return request.sourceIp();
    }

    /** The signed-in user; only on {@link Access.SignedIn} routes. */
    public SignedInUser user() {
        if (signedIn == null) {
            throw new IllegalStateException("no user is signed in on this route");
        }
        return signedIn;
    }

    public DashboardRole role() {
        return user().role();
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The caller the domain services check ownership against: the user's merchant, in the mode shown.
     * Its key id names the user, so nothing keyed by API key (a key's own revocation, its rate limit)
     * mistakes the dashboard for a key.
     */
    public AuthenticatedKey caller() {
        return new AuthenticatedKey("dashboard:" + user().user().userId(), user().merchantId(), mode);
    }

    /** A link to a dashboard path in the mode shown ({@code ?mode=live} when live). */
    public String link(String path) {
        if (mode != Mode.LIVE) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "mode=live";
    }

    /** The hidden fields every form posting to {@code action} carries: its CSRF token and the mode. */
    public String formFields(String action) {
        String token = signedIn != null
                ? sessionTokens.csrfToken(signedIn.session(), action)
                : visitorTokens.tokenFor(action, visitor);
        return "<input type=\"hidden\" name=\"csrf_token\" value=\"" + Html.escape(token) + "\">"
                + (mode == Mode.LIVE ? "<input type=\"hidden\" name=\"mode\" value=\"live\">" : "");
    }

    /** A form that posts to {@code action}, with its hidden fields; {@code inner} is its fields and buttons. */
    public String form(String action, String inner) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\">" + formFields(action) + inner + "</form>";
    }

    public String nonce() {
        return nonce;
    }

    /** The page in the dashboard's frame (navigation when signed in). */
    public ApiResponse page(int status, String title, String body) {
        return page(status, title, body, "");
    }

    /** @param pageCss rules of this page only, built from checked values, added to the dashboard's style sheet */
    public ApiResponse page(int status, String title, String body, String pageCss) {
        return page(status, title, body, pageCss, "");
    }

    /** @param formActionOrigins where this page's forms post beyond the dashboard itself (a storage service) */
    public ApiResponse page(int status, String title, String body, String pageCss, String formActionOrigins) {
        String html = signedIn == null
                ? layout.signedOut(title, nonce, query("notice"), body)
                : layout.signedIn(title, nonce, body, this, merchantName, pageCss);
        return Html.page(status, html, nonce, nonce, formActionOrigins);
    }

    public ApiResponse page(String title, String body) {
        return page(200, title, body);
    }

    /** See other: after a post, to {@code path} in the current mode, with a notice from {@link Notices}. */
    public ApiResponse redirect(String path, String notice) {
        String target = link(path);
        if (notice != null) {
            target += (target.contains("?") ? "&" : "?") + "notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8);
        }
        return Html.redirect(target);
    }

    public ApiResponse redirect(String path) {
        return redirect(path, null);
    }

    /** Sets the one cookie this answer carries (a response carries at most one). */
    void setCookie(String cookie) {
        this.setCookie = cookie;
    }

    String cookieToSet() {
        return setCookie;
    }

    /** Replaces the session cookie with a new one (sign-in, sign-up, password change). */
    public void startSession(String token, DashboardCookies cookies) {
        setCookie(cookies.session(token));
    }

    public void endSession(DashboardCookies cookies) {
        setCookie(cookies.clearSession());
    }
}
