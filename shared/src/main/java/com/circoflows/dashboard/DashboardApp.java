package com.circoflows.dashboard;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.ErrorStatuses;
import com.circoflows.api.pages.FormBody;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.dashboard.DashboardAccounts;
import com.circoflows.domain.dashboard.DashboardSessionTokens;
import com.circoflows.domain.dashboard.SignedInUser;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.observability.JsonLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serves a set of dashboard pages: finds the route, signs the user in from the session cookie (or
 * keeps the visitor's cookie before sign-in), refuses a post without its CSRF token and a role without
 * the right, then lets the page answer. Every answer carries the pages' security headers (a CSP with
 * this answer's nonce, no framing, no-store) and never a stack trace.
 */
public final class DashboardApp {
    private static final JsonLog LOG = JsonLog.get(DashboardApp.class);
    /** Where a signed-out visitor may be sent back to after signing in: a dashboard path, nothing else. */
    private static final Pattern SAFE_NEXT = Pattern.compile("^/dashboard(/[A-Za-z0-9_\\-]+)*$");
    /** What a user who must change a setup password may still open. */
    private static final Set<String> OPEN_BEFORE_PASSWORD_CHANGE =
            Set.of("/dashboard/account", "/dashboard/account/password", "/dashboard/logout");

    private final DashboardRoutes routes = new DashboardRoutes();
    private final DashboardAccounts accounts;
    private final DashboardSessionTokens sessionTokens;
    private final VisitorFormTokens visitorTokens;
    private final DashboardCookies cookies;
    private final MerchantRepository merchants;
    private final boolean httpsOnly;
    private final Layout layout = new Layout();

    /**
     * @param httpsOnly served over HTTPS only, as deployed (Strict-Transport-Security, Secure cookies
     *                  are the caller's {@code cookies}); false in local mode
     */
    public DashboardApp(DashboardAccounts accounts, DashboardSessionTokens sessionTokens,
            VisitorFormTokens visitorTokens, DashboardCookies cookies, MerchantRepository merchants, boolean httpsOnly,
            List<DashboardArea> areas) {
        this.accounts = accounts;
        this.sessionTokens = sessionTokens;
        this.visitorTokens = visitorTokens;
        this.cookies = cookies;
        this.merchants = merchants;
        this.httpsOnly = httpsOnly;
        areas.forEach(area -> area.addTo(routes));
        if (routes.servesVisitors()) {
            // A function with sign-up or sign-in forms reads their key (and the app secret) at cold start.
            visitorTokens.loadKey();
        }
    }

    /** "METHOD /path" of every route served, for the tests that hold them against template.yaml. */
    public List<String> routeKeys() {
        return routes.keys();
    }

    public ApiResponse handle(ApiRequest request) {
        String nonce = RandomIds.base62(22);
        ApiResponse response;
        try {
            response = answer(request, nonce);
        } catch (ApiException e) {
            response = problem(nonce, ErrorStatuses.of(e.code()), "That didn't work", e.getMessage());
        } catch (RetryableFailure e) {
            LOG.warn("dashboard_unavailable", Map.of("reason", String.valueOf(e.getMessage())));
            response = problem(nonce, 503, "We couldn't reach a service",
                    "Nothing was changed. Please try again in a moment.");
        } catch (RuntimeException e) {
            LOG.error("dashboard_failure", Map.of("request_id", String.valueOf(request.requestId()),
                    "path", String.valueOf(request.path())), e);
            response = problem(nonce, 500, "Something went wrong on our side",
                    "Please reload the page to see whether your change was made before you try again.");
        }
        return httpsOnly ? Html.withStrictTransportSecurity(response) : response;
    }

    private ApiResponse answer(ApiRequest request, String nonce) {
        Optional<DashboardRoutes.Match> found = routes.match(request.method(), request.path());
        if (found.isEmpty()) {
            return routes.hasPath(request.path())
                    ? problem(nonce, 405, "Not available", "This page can't be opened that way.")
                    : notFound(nonce);
        }
        DashboardRoutes.Route route = found.get().route();
        boolean post = "POST".equals(request.method());
        Map<String, String> form = post ? FormBody.parse(request.body()) : Map.of();
        if (carriesCardNumber(form) || carriesCardNumber(request.queryParameters())) {
            return problem(nonce, 400, "Card numbers can't be typed here",
                    "Nothing was saved or searched. Search payments by a card's last 4 digits; card numbers are taken "
                            + "only by the API and the payment page.");
        }
        Mode mode = "live".equals(post ? form.get("mode") : request.queryParameters().get("mode")) ? Mode.LIVE : Mode.TEST;
        String cookieHeader = request.header("cookie");
        String sessionToken = DashboardCookies.valueOf(cookieHeader, DashboardCookies.SESSION);

        if (route.access instanceof Access.Visitor) {
            String visitor = DashboardCookies.valueOf(cookieHeader, DashboardCookies.VISITOR);
            String newVisitor = null;
            if (!VisitorFormTokens.isWellFormed(visitor)) {
                if (post) {
                    return expiredForm(nonce);
                }
                visitor = newVisitor = VisitorFormTokens.newVisitor();
            }
            if (post && !visitorTokens.matches(request.path(), visitor, form.get("csrf_token"))) {
                return expiredForm(nonce);
            }
            if (!post && sessionToken != null && accounts.authenticate(sessionToken).isPresent()) {
                return Html.redirect("/dashboard/payments");
            }
            Visit visit = new Visit(request, found.get().pathParameters(), form, nonce, null, null, visitor, mode,
                    sessionTokens, visitorTokens, layout);
            if (newVisitor != null) {
                visit.setCookie(cookies.visitor(newVisitor));
            }
            return withCookie(route.page.handle(visit), visit);
        }

        Optional<SignedInUser> signedIn = sessionToken == null ? Optional.empty() : accounts.authenticate(sessionToken);
        if (signedIn.isEmpty()) {
            String target = post || !SAFE_NEXT.matcher(request.path()).matches()
                    ? "/dashboard/login" + (sessionToken != null ? "?notice=session_expired" : "")
                    : "/dashboard/login?next=" + request.path() + (sessionToken != null ? "&notice=session_expired" : "");
            ApiResponse toLogin = Html.redirect(target);
            return sessionToken == null ? toLogin : toLogin.withHeader("set-cookie", cookies.clearSession());
        }
        SignedInUser user = signedIn.get();
        if (post && !sessionTokens.csrfTokenMatches(user.session(), request.path(), form.get("csrf_token"))) {
            return expiredForm(nonce);
        }
        String merchantName = merchants.find(user.merchantId()).map(Merchant::name).orElse("");
        Visit visit = new Visit(request, found.get().pathParameters(), form, nonce, user, merchantName, null, mode,
                sessionTokens, visitorTokens, layout);
        if (user.user().mustChangePassword() && !OPEN_BEFORE_PASSWORD_CHANGE.contains(request.path())) {
            return Html.redirect("/dashboard/account");
        }
        Access.SignedIn access = (Access.SignedIn) route.access;
        if (!access.allowed().test(user.role())) {
            return visit.page(403, "Not available to your role", "<h1>Not available to your role</h1>"
                    + "<p>Your role (" + Layout.roleName(user.role()) + ") doesn't include this page. "
                    + "An owner of this account can change your role on the Team page.</p>");
        }
        try {
            return withCookie(route.page.handle(visit), visit);
        } catch (ApiException e) {
            int status = ErrorStatuses.of(e.code());
            if (status == 404) {
                return visit.page(404, "Not found", notFoundBody());
            }
            return visit.page(status, "That didn't work", "<h1>That didn't work</h1><p>" + Html.escape(e.getMessage())
                    + "</p><p><a href=\"" + Html.escape(visit.link(backPath(request.path()))) + "\">Go back</a></p>");
        }
    }

    /**
     * Whether a field or query value holds a card number. Passwords are exempt: they are only ever hashed,
     * and refusing one would say something about it.
     */
    private static boolean carriesCardNumber(Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (!value.getKey().contains("password") && (CardNumberDetector.containsCardNumber(value.getValue())
                    || CardNumberDetector.containsCardNumber(value.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /** SAFE_NEXT for the login page, which sends the user on after signing in. */
    static boolean isSafeNext(String path) {
        return path != null && SAFE_NEXT.matcher(path).matches();
    }

    private static String backPath(String path) {
        int last = path.lastIndexOf('/');
        return last > "/dashboard".length() ? path.substring(0, last) : "/dashboard";
    }

    private ApiResponse withCookie(ApiResponse response, Visit visit) {
        return visit.cookieToSet() == null ? response : response.withHeader("set-cookie", visit.cookieToSet());
    }

    private ApiResponse expiredForm(String nonce) {
        return problem(nonce, 403, "This form has expired",
                "For your security, forms work for one signed-in session only. Go back, reload the page and try again.");
    }

    private ApiResponse notFound(String nonce) {
        return Html.page(404, layout.signedOut("Not found", nonce, null, notFoundBody()), nonce, nonce, "");
    }

    private static String notFoundBody() {
        return "<h1>Page not found</h1><p>There is nothing here, or it belongs to another account.</p>"
                + "<p><a href=\"/dashboard\">Go to the dashboard</a></p>";
    }

    private ApiResponse problem(String nonce, int status, String title, String message) {
        if (status == 404) {
            return notFound(nonce);
        }
        String body = "<h1>" + Html.escape(title) + "</h1><p>" + Html.escape(message) + "</p>"
                + "<p><a href=\"/dashboard\">Go to the dashboard</a></p>";
        return Html.page(status, layout.signedOut(title, nonce, null, body), nonce, nonce, "");
    }
}
