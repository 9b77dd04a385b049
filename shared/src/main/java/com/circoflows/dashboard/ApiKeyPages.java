package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.ApiKeyPage;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.StoredApiKey;
import java.util.Map;

/**
 * Settings → API keys (the reference's "Generate New Key"): the keys of the mode shown, a new key shown
 * once with a copy button, and revocation, which asks again before the last active key goes. Viewers
 * never reach these pages, not even the list of prefixes.
 */
public final class ApiKeyPages implements DashboardArea {
    static final String KEYS = "/dashboard/settings/api-keys";
    static final int MAX_NAME_LENGTH = 100;
    private static final int SHOWN_KEYS = 100;

    private final ApiKeyManagement keys;
    private final DashboardTimes times;

    public ApiKeyPages(ApiKeyManagement keys, DashboardTimes times) {
        this.keys = keys;
        this.times = times;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        routes.get(KEYS, Access.signedIn(DashboardRole::canSeeApiKeys), visit -> list(visit, 200, null, ""));
        routes.post(KEYS, Access.signedIn(DashboardRole::canManageApiKeys), this::create);
        routes.post(KEYS + "/{key_id}/revoke", Access.signedIn(DashboardRole::canManageApiKeys), this::revoke);
    }

    private ApiResponse list(Visit visit, int status, String nameError, String name) {
        String modeName = visit.mode().wireName();
        ApiKeyPage page = keys.list(visit.caller(), SHOWN_KEYS, null);
        StringBuilder body = new StringBuilder("<h1>API keys</h1><p class=\"muted\">Your ").append(modeName)
                .append(" keys authenticate ").append(modeName).append(" requests: send one as ")
                .append("<code>Authorization: Bearer …</code>. A key is shown only when it is made.</p>");
        body.append("<section class=\"panel\" aria-labelledby=\"new-key\"><h2 id=\"new-key\">Generate a new ")
                .append(modeName).append(" key</h2>")
                .append(nameError == null ? "" : Fields.errorSummary(Map.of("name", nameError)))
                .append(visit.form(KEYS, Fields.input("name", "Name (optional)", "text", name,
                        "Say where it is used, e.g. \"checkout server\".", nameError, "maxlength=\"100\"")
                        + "<button type=\"submit\">Generate new key</button>"))
                .append("</section>");
        if (page.keys().isEmpty()) {
            body.append("<p>No ").append(modeName).append(" keys yet.</p>");
        } else {
            body.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"API keys\"><table><thead><tr>")
                    .append("<th scope=\"col\">Name</th><th scope=\"col\">Key</th><th scope=\"col\">Created</th>")
                    .append("<th scope=\"col\">Last used</th><th scope=\"col\">Status</th><th scope=\"col\"><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>");
            for (StoredApiKey key : page.keys()) {
                boolean active = key.status() == ApiKeyStatus.ACTIVE;
                String label = key.name() == null ? "Unnamed key" : key.name();
                body.append("<tr><td>").append(Html.escape(label)).append("</td><td><code>")
                        .append(Html.escape(key.displayPrefix())).append("</code></td><td>")
                        .append(times.show(key.createdAt())).append("</td><td>")
                        .append(key.lastUsedAt() == null ? "Never" : times.show(key.lastUsedAt())).append("</td><td>")
                        .append(active ? "<span class=\"status completed\">Active</span>"
                                : "<span class=\"status canceled\">Revoked</span> " + times.show(key.revokedAt()))
                        .append("</td><td>");
                if (active) {
                    String action = KEYS + "/" + key.keyId() + "/revoke";
                    body.append(visit.form(action, "<button class=\"danger\" type=\"submit\" aria-label=\"Revoke "
                            + Html.escape(label) + " (" + Html.escape(key.displayPrefix()) + ")\">Revoke</button>"));
                }
                body.append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        return visit.page(status, "API keys", body.toString());
    }

    private ApiResponse create(Visit visit) {
        String typed = visit.field("name");
        String name = null;
        if (typed != null && !typed.isBlank()) {
            try {
                name = RequestFields.label("name", typed.strip(), MAX_NAME_LENGTH);
            } catch (ApiException refused) {
                return list(visit, 422, refused.getMessage(), typed.strip());
            }
        }
        IssuedApiKey issued = keys.create(visit.caller(), name);
        String body = "<h1>Your new " + visit.mode().wireName() + " API key</h1>"
                + "<div class=\"panel\"><p><strong>Copy it now: it is shown only this once.</strong> "
                + "Store it in your server's secrets, never in a web page or an app.</p>"
                + "<code class=\"secret\" id=\"new-api-key\" data-copy=\"API key\">" + Html.escape(issued.fullKey())
                + "</code></div><p><a href=\"" + Html.escape(visit.link(KEYS)) + "\">Back to API keys</a></p>";
        return visit.page("New API key", body);
    }

    private ApiResponse revoke(Visit visit) {
        String keyId = visit.pathParameter("key_id");
        boolean confirmed = "yes".equals(visit.field("confirm_last_key"));
        try {
            keys.revoke(visit.caller(), keyId, confirmed);
        } catch (ApiException e) {
            if (e.code() != ErrorCode.LAST_ACTIVE_KEY) {
                throw e;
            }
            String action = KEYS + "/" + keyId + "/revoke";
            String body = "<h1>Revoke your last " + visit.mode().wireName() + " key?</h1>"
                    + "<p>" + Html.escape(e.getMessage().replace(
                            " or repeat the request with confirm_last_key=true to revoke it anyway", " or revoke it anyway"))
                    + "</p><div class=\"actions\">"
                    + visit.form(action, "<input type=\"hidden\" name=\"confirm_last_key\" value=\"yes\">"
                            + "<button class=\"danger\" type=\"submit\">Revoke it anyway</button>")
                    + "<a href=\"" + Html.escape(visit.link(KEYS)) + "\">Keep the key</a></div>";
            return visit.page(409, "Revoke the last key?", body);
        }
        return visit.redirect(KEYS, "key_revoked");
    }
}
