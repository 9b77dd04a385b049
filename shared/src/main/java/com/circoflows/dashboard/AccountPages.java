package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.dashboard.AccountOutcome;
import com.circoflows.domain.dashboard.DashboardAccounts;
import com.circoflows.domain.dashboard.DashboardSession;
import com.circoflows.domain.dashboard.DashboardUser;
import com.circoflows.domain.dashboard.IssuedDashboardSession;
import com.circoflows.domain.dashboard.IssuedRecoveryCodes;
import com.circoflows.domain.dashboard.TotpEnrolment;
import com.circoflows.domain.dashboard.TotpSecret;
import java.util.List;
import java.util.Map;

/**
 * The signed-in person's own account: password change, two-step verification (TOTP with recovery
 * codes) and where they are signed in, with "sign out everywhere".
 */
public final class AccountPages implements DashboardArea {
    static final String ACCOUNT = "/dashboard/account";
    static final String PASSWORD = "/dashboard/account/password";
    static final String SIGN_OUT_EVERYWHERE = "/dashboard/account/sign-out-everywhere";
    static final String TWO_FACTOR = "/dashboard/account/two-factor";
    static final String TWO_FACTOR_CONFIRM = "/dashboard/account/two-factor/confirm";
    static final String TWO_FACTOR_DISABLE = "/dashboard/account/two-factor/disable";

    private final DashboardAccounts accounts;
    private final DashboardCookies cookies;
    private final DashboardTimes times;

    public AccountPages(DashboardAccounts accounts, DashboardCookies cookies, DashboardTimes times) {
        this.accounts = accounts;
        this.cookies = cookies;
        this.times = times;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        routes.get(ACCOUNT, Access.anyone(), visit -> account(visit, 200, Map.of()));
        routes.post(PASSWORD, Access.anyone(), this::changePassword);
        routes.post(SIGN_OUT_EVERYWHERE, Access.anyone(), this::signOutEverywhere);
        routes.post(TWO_FACTOR, Access.anyone(), this::startTwoFactor);
        routes.post(TWO_FACTOR_CONFIRM, Access.anyone(), this::confirmTwoFactor);
        routes.post(TWO_FACTOR_DISABLE, Access.anyone(), this::disableTwoFactor);
    }

    private ApiResponse account(Visit visit, int status, Map<String, String> errors) {
        DashboardUser user = visit.user().user();
        StringBuilder body = new StringBuilder("<h1>Your account</h1>");
        if (user.mustChangePassword()) {
            body.append("<p class=\"notice\" role=\"status\">You signed in with a setup password. Choose your own "
                    + "password to continue.</p>");
        }
        body.append("<div class=\"panel\"><dl class=\"facts\"><dt>Email</dt><dd>").append(Html.escape(user.email()))
                .append("</dd><dt>Role</dt><dd>").append(Layout.roleName(user.role())).append("</dd></dl></div>");

        body.append("<section class=\"panel\" aria-labelledby=\"password-heading\"><h2 id=\"password-heading\">Password</h2>")
                .append(Fields.errorSummary(errors))
                .append(visit.form(PASSWORD,
                        Fields.input("current_password", "Current password", "password", null, null,
                                errors.get("current_password"), "autocomplete=\"current-password\" required")
                        + Fields.input("new_password", "New password", "password", null,
                                "At least 12 characters. Every other device is signed out.", errors.get("new_password"),
                                "autocomplete=\"new-password\" minlength=\"12\" maxlength=\"256\" required")
                        + "<button type=\"submit\">Change password</button>"))
                .append("</section>");

        body.append("<section class=\"panel\" aria-labelledby=\"totp-heading\"><h2 id=\"totp-heading\">Two-step verification</h2>");
        if (user.totpEnabled()) {
            body.append("<p>On: signing in asks for a code from your authenticator app. Recovery codes left: ")
                    .append(user.recoveryCodeHashes().size()).append(".</p>")
                    .append(visit.form(TWO_FACTOR_DISABLE,
                            Fields.input("password", "Your password, to turn it off", "password", null, null,
                                    errors.get("totp_password"), "autocomplete=\"current-password\" required")
                            + "<button class=\"danger\" type=\"submit\">Turn off two-step verification</button>"));
        } else {
            body.append("<p>Off. With it on, a stolen password alone can't open your account.</p>")
                    .append(visit.form(TWO_FACTOR, "<button type=\"submit\">Set up two-step verification</button>"));
        }
        body.append("</section>");

        List<DashboardSession> sessions = accounts.sessions(user.userId());
        body.append("<section class=\"panel\" aria-labelledby=\"sessions-heading\"><h2 id=\"sessions-heading\">Where you're signed in</h2>")
                .append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Your sessions\"><table><thead><tr>")
                .append("<th scope=\"col\">Signed in</th><th scope=\"col\">Last active</th><th scope=\"col\">Ends</th></tr></thead><tbody>");
        String current = visit.user().session().tokenHash();
        for (DashboardSession session : sessions) {
            body.append("<tr><td>").append(times.show(session.createdAt()))
                    .append(session.tokenHash().equals(current) ? " <strong>(this browser)</strong>" : "")
                    .append("</td><td>").append(times.show(session.lastSeenAt())).append("</td><td>")
                    .append(times.show(session.expiresAt())).append("</td></tr>");
        }
        body.append("</tbody></table></div>")
                .append(visit.form(SIGN_OUT_EVERYWHERE,
                        "<button class=\"danger\" type=\"submit\">Sign out everywhere</button>"))
                .append("</section>");
        return visit.page(status, "Your account", body.toString());
    }

    private ApiResponse changePassword(Visit visit) {
        AccountOutcome<IssuedDashboardSession> outcome = accounts.changePassword(visit.user().user().userId(),
                SignInPages.orEmpty(visit.field("current_password")), SignInPages.orEmpty(visit.field("new_password")),
                visit.clientAddress());
        if (outcome instanceof AccountOutcome.Refused<IssuedDashboardSession> refused) {
            String field = switch (refused.refusal().reason()) {
                case WEAK_PASSWORD -> "new_password";
                default -> "current_password";
            };
            return account(visit, 422, Map.of(field, refused.refusal().message()));
        }
        visit.startSession(((AccountOutcome.Done<IssuedDashboardSession>) outcome).value().token(), cookies);
        return visit.redirect(ACCOUNT, "password_changed");
    }

    private ApiResponse signOutEverywhere(Visit visit) {
        accounts.signOutEverywhere(visit.user().user().userId());
        visit.endSession(cookies);
        return Html.redirect(SignInPages.SIGN_IN + "?notice=signed_out_everywhere");
    }

    private ApiResponse startTwoFactor(Visit visit) {
        AccountOutcome<TotpEnrolment> outcome = accounts.enableTotp(visit.user().user().userId());
        if (outcome instanceof AccountOutcome.Refused<TotpEnrolment> refused) {
            return account(visit, 409, Map.of("totp", refused.refusal().message()));
        }
        return enrolment(visit, 200, ((AccountOutcome.Done<TotpEnrolment>) outcome).value().secret(), null);
    }

    private ApiResponse enrolment(Visit visit, int status, TotpSecret secret, String error) {
        String uri = secret.otpauthUri("CircoFlows", visit.user().user().email());
        String body = "<h1>Set up two-step verification</h1>"
                + "<ol><li>Open your authenticator app (Google Authenticator, 1Password, Authy, …) and add an account.</li>"
                + "<li>Enter this key, or open the link on a phone that has the app:"
                + "<code class=\"secret\" data-copy=\"setup key\">" + Html.escape(spaced(secret.base32())) + "</code>"
                + "<a href=\"" + Html.escape(uri) + "\">Open in authenticator app</a></li>"
                + "<li>Type the 6-digit code the app shows.</li></ol>"
                + (error == null ? "" : "<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><p>"
                        + Html.escape(error) + "</p></div>")
                // The secret goes back with the code: nothing is stored until a code made from it is seen.
                + visit.form(TWO_FACTOR_CONFIRM,
                        "<input type=\"hidden\" name=\"secret\" value=\"" + Html.escape(secret.base32()) + "\">"
                        + Fields.input("code", "Code from the app", "text", null, null, error,
                                "autocomplete=\"one-time-code\" inputmode=\"numeric\" maxlength=\"8\" required")
                        + "<button type=\"submit\">Turn on</button>")
                + "<p><a href=\"" + ACCOUNT + "\">Cancel</a></p>";
        return visit.page(status, "Set up two-step verification", body);
    }

    private ApiResponse confirmTwoFactor(Visit visit) {
        TotpSecret secret;
        try {
            secret = TotpSecret.fromBase32(SignInPages.orEmpty(visit.field("secret")));
        } catch (IllegalArgumentException malformed) {
            return account(visit, 400, Map.of("totp", "The setup expired. Start again."));
        }
        AccountOutcome<IssuedRecoveryCodes> outcome = accounts.confirmTotp(visit.user().user().userId(), secret,
                SignInPages.orEmpty(visit.field("code")));
        if (outcome instanceof AccountOutcome.Refused<IssuedRecoveryCodes> refused) {
            return enrolment(visit, 422, secret, refused.refusal().message());
        }
        IssuedRecoveryCodes codes = ((AccountOutcome.Done<IssuedRecoveryCodes>) outcome).value();
        StringBuilder list = new StringBuilder("<ul class=\"secret\" data-copy=\"recovery codes\">");
        codes.codes().forEach(code -> list.append("<li>").append(Html.escape(code)).append("</li>"));
        list.append("</ul>");
        String body = "<h1>Two-step verification is on</h1>"
                + "<p><strong>Save these recovery codes now: they are shown only this once.</strong> Each one signs "
                + "you in once if you lose your phone.</p>" + list
                + "<p><a href=\"" + ACCOUNT + "\">Back to your account</a></p>";
        return visit.page("Recovery codes", body);
    }

    private ApiResponse disableTwoFactor(Visit visit) {
        AccountOutcome<DashboardUser> outcome = accounts.disableTotp(visit.user().user().userId(),
                SignInPages.orEmpty(visit.field("password")), visit.clientAddress());
        if (outcome instanceof AccountOutcome.Refused<DashboardUser> refused) {
            return account(visit, 422, Map.of("totp_password", refused.refusal().message()));
        }
        return visit.redirect(ACCOUNT, "totp_disabled");
    }

    private static String spaced(String base32) {
        return base32.replaceAll("(.{4})(?=.)", "$1 ");
    }
}
