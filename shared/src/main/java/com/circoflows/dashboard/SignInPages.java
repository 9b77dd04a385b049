package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.dashboard.AccountOutcome;
import com.circoflows.domain.dashboard.AccountRefusal;
import com.circoflows.domain.dashboard.DashboardAccounts;
import com.circoflows.domain.dashboard.SignInResult;
import com.circoflows.domain.dashboard.SignedUp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-up, sign-in (with the second factor when the user has one) and sign-out. Sign-up makes the
 * merchant, signs its owner in and shows the first test API key and the webhook signing secret, once.
 */
public final class SignInPages implements DashboardArea {
    static final String SIGN_UP = "/dashboard/signup";
    static final String SIGN_IN = "/dashboard/login";
    static final String SECOND_FACTOR = "/dashboard/login/verify";
    static final String SIGN_OUT = "/dashboard/logout";

    private final DashboardAccounts accounts;
    private final DashboardCookies cookies;

    public SignInPages(DashboardAccounts accounts, DashboardCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        routes.get("/dashboard", Access.anyone(), visit -> visit.redirect("/dashboard/payments"));
        routes.get(SIGN_UP, Access.visitor(), visit -> signUpForm(visit, 200, Map.of(), "", ""));
        routes.post(SIGN_UP, Access.visitor(), this::signUp);
        routes.get(SIGN_IN, Access.visitor(), visit -> signInForm(visit, 200, null, ""));
        routes.post(SIGN_IN, Access.visitor(), this::signIn);
        routes.get(SECOND_FACTOR, Access.visitor(), visit -> secondFactorForm(visit, 200, null));
        routes.post(SECOND_FACTOR, Access.visitor(), this::completeSecondFactor);
        routes.post(SIGN_OUT, Access.anyone(), this::signOut);
    }

    private ApiResponse signUpForm(Visit visit, int status, Map<String, String> errors, String businessName,
            String email) {
        String body = "<h1>Create your CircoFlows account</h1>"
                + "<p class=\"muted\">Start in test mode: take test payments right away, nothing is charged.</p>"
                + Fields.errorSummary(errors)
                + visit.form(SIGN_UP,
                        Fields.input("business_name", "Business name", "text", businessName, null,
                                errors.get("business_name"), "autocomplete=\"organization\" maxlength=\"100\" required")
                        + Fields.input("email", "Email", "email", email, null, errors.get("email"),
                                "autocomplete=\"email\" maxlength=\"254\" required")
                        + Fields.input("password", "Password", "password", null,
                                "At least 12 characters. A long phrase is easiest to remember.", errors.get("password"),
                                "autocomplete=\"new-password\" minlength=\"12\" maxlength=\"256\" required")
                        + "<button type=\"submit\">Create account</button>")
                + "<p>Already have an account? <a href=\"" + SIGN_IN + "\">Sign in</a></p>";
        return visit.page(status, "Create your account", body);
    }

    private ApiResponse signUp(Visit visit) {
        String businessName = orEmpty(visit.field("business_name"));
        String email = orEmpty(visit.field("email"));
        AccountOutcome<SignedUp> outcome = accounts.signUp(businessName, email, orEmpty(visit.field("password")),
                visit.clientAddress());
        if (outcome instanceof AccountOutcome.Refused<SignedUp> refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(fieldOf(refused.refusal()), refused.refusal().message());
            return signUpForm(visit, 422, errors, businessName, email);
        }
        SignedUp signedUp = ((AccountOutcome.Done<SignedUp>) outcome).value();
        visit.startSession(signedUp.session().token(), cookies);
        String body = "<h1>Welcome to CircoFlows</h1>"
                + "<p>Your account <strong>" + Html.escape(signedUp.merchant().name()) + "</strong> is ready in test mode.</p>"
                + "<div class=\"panel\"><h2>Your test API key</h2>"
                + "<p><strong>Copy it now: it is shown only this once.</strong> You can make more keys under API keys.</p>"
                + "<code class=\"secret\" data-copy=\"API key\" id=\"new-api-key\">" + Html.escape(signedUp.firstTestKey().fullKey())
                + "</code>"
                + "<h2>Your webhook signing secret</h2>"
                + "<p>Verify our webhooks with it. You can reveal or rotate it later under Webhooks.</p>"
                + "<code class=\"secret\" data-copy=\"signing secret\">" + Html.escape(signedUp.webhookSecret().value())
                + "</code></div>"
                + "<p>Try it:</p><pre><code>curl -H \"Authorization: Bearer " + Html.escape(signedUp.firstTestKey().fullKey())
                + "\" " + "$BASE_URL/api/health</code></pre>"
                + "<p><a href=\"/dashboard/payments\">Go to your dashboard</a></p>";
        // The first key is on this page only: rendered once, never stored in a form or URL.
        return visit.page(200, "Welcome", body);
    }

    private static String fieldOf(AccountRefusal refusal) {
        return switch (refusal.reason()) {
            case INVALID_BUSINESS_NAME -> "business_name";
            case INVALID_EMAIL, EMAIL_TAKEN -> "email";
            case WEAK_PASSWORD -> "password";
            default -> null;
        };
    }

    private ApiResponse signInForm(Visit visit, int status, String error, String email) {
        String next = visit.query("next");
        String action = SIGN_IN + (DashboardApp.isSafeNext(next) ? "?next=" + next : "");
        String body = "<h1>Sign in to CircoFlows</h1>"
                + (error == null ? "" : "<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><p>"
                        + Html.escape(error) + "</p></div>")
                + "<form method=\"post\" action=\"" + Html.escape(action) + "\">" + visit.formFields(SIGN_IN)
                + Fields.input("email", "Email", "email", email, null, null, "autocomplete=\"username\" required")
                + Fields.input("password", "Password", "password", null, null, null,
                        "autocomplete=\"current-password\" required")
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p>New to CircoFlows? <a href=\"" + SIGN_UP + "\">Create an account</a></p>";
        return visit.page(status, "Sign in", body);
    }

    private ApiResponse signIn(Visit visit) {
        String email = orEmpty(visit.field("email"));
        SignInResult result = accounts.signIn(email, orEmpty(visit.field("password")), visit.clientAddress());
        if (result instanceof SignInResult.SignedIn signedIn) {
            return signedIn(visit, signedIn);
        }
        if (result instanceof SignInResult.SecondFactorNeeded pending) {
            // The pending token rides in the session cookie: it signs nobody in, it only lets this browser try a code.
            visit.startSession(pending.pendingToken(), cookies);
            return visit.redirect(SECOND_FACTOR + nextSuffix(visit));
        }
        if (result instanceof SignInResult.Throttled throttled) {
            return throttled(signInForm(visit, 429, throttled.message(), email), throttled);
        }
        // 422 as every dashboard form that refuses what was typed: 401 would need a WWW-Authenticate
        // challenge, and docs/openapi.yaml documents 422 for these forms.
        return signInForm(visit, 422, ((SignInResult.Refused) result).message(), email);
    }

    private ApiResponse secondFactorForm(Visit visit, int status, String error) {
        String body = "<h1>Two-step verification</h1>"
                + (error == null ? "" : "<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><p>"
                        + Html.escape(error) + "</p></div>")
                + "<form method=\"post\" action=\"" + Html.escape(SECOND_FACTOR + nextSuffix(visit)) + "\">"
                + visit.formFields(SECOND_FACTOR)
                + Fields.input("code", "Code from your authenticator app", "text", null,
                        "6 digits, or one of your recovery codes.", null,
                        "autocomplete=\"one-time-code\" inputmode=\"text\" maxlength=\"32\" required")
                + "<button type=\"submit\">Verify</button></form>"
                + "<p><a href=\"" + SIGN_IN + "\">Start again</a></p>";
        return visit.page(status, "Two-step verification", body);
    }

    private ApiResponse completeSecondFactor(Visit visit) {
        String pending = DashboardCookies.valueOf(visit.request().header("cookie"), DashboardCookies.SESSION);
        SignInResult result = accounts.completeSecondFactor(pending, orEmpty(visit.field("code")), visit.clientAddress());
        if (result instanceof SignInResult.SignedIn signedIn) {
            return signedIn(visit, signedIn);
        }
        if (result instanceof SignInResult.Throttled throttled) {
            return throttled(secondFactorForm(visit, 429, throttled.message()), throttled);
        }
        if (result instanceof SignInResult.Refused refused) {
            return refused.reason() == SignInResult.Reason.SIGN_IN_EXPIRED
                    ? signInForm(visit, 422, refused.message(), "")
                    : secondFactorForm(visit, 422, refused.message());
        }
        return secondFactorForm(visit, 422, "Enter the code again.");
    }

    private static ApiResponse throttled(ApiResponse page, SignInResult.Throttled throttled) {
        return page.withHeader("retry-after", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
    }

    private ApiResponse signedIn(Visit visit, SignInResult.SignedIn signedIn) {
        visit.startSession(signedIn.session().token(), cookies);
        if (signedIn.mustChangePassword()) {
            return visit.redirect("/dashboard/account");
        }
        if (signedIn.usedRecoveryCode()) {
            return visit.redirect("/dashboard/account", "recovery_code_used");
        }
        String next = visit.query("next");
        return visit.redirect(DashboardApp.isSafeNext(next) ? next : "/dashboard/payments");
    }

    private ApiResponse signOut(Visit visit) {
        accounts.signOut(DashboardCookies.valueOf(visit.request().header("cookie"), DashboardCookies.SESSION));
        visit.endSession(cookies);
        return Html.redirect(SIGN_IN + "?notice=signed_out");
    }

    private static String nextSuffix(Visit visit) {
        String next = visit.query("next");
        return DashboardApp.isSafeNext(next) ? "?next=" + next : "";
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
