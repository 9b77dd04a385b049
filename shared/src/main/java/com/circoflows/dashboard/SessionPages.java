package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.session.HostedPaymentService;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionListQueries;
import com.circoflows.domain.session.SessionPage;
import com.circoflows.domain.session.SessionStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hosted payment sessions: the list (by status, newest first), a session's page with its payment and
 * the customer's link, and cancelling one that is still open, through the API's session services.
 */
public final class SessionPages implements DashboardArea {
    static final String SESSIONS = "/dashboard/sessions";
    private static final int PAGE_SIZE = 25;

    private final SessionListQueries list;
    private final HostedPaymentService sessions;
    private final DashboardTimes times;
    private final Clock clock;

    public SessionPages(SessionListQueries list, HostedPaymentService sessions, DashboardTimes times, Clock clock) {
        this.list = list;
        this.sessions = sessions;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        routes.get(SESSIONS, Access.anyone(), this::list);
        routes.get(SESSIONS + "/{session_id}", Access.anyone(), this::detail);
        routes.post(SESSIONS + "/{session_id}/cancel", Access.signedIn(DashboardRole::canRefundAndCapture), this::cancel);
    }

    private ApiResponse list(Visit visit) {
        String statusText = visit.query("status");
        SessionStatus status = null;
        String problem = null;
        if (statusText != null && !statusText.isBlank()) {
            try {
                status = SessionStatus.fromWireName(statusText);
            } catch (IllegalArgumentException unknown) {
                problem = "Choose a status from the list.";
            }
        }
        SessionPage page = SessionPage.empty();
        if (problem == null) {
            try {
                page = list.list(visit.caller(), status, PAGE_SIZE, blankToNull(visit.query("cursor")));
            } catch (ApiException refused) {
                problem = refused.getMessage();
            }
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("", "Any");
        for (SessionStatus each : SessionStatus.values()) {
            statuses.put(each.wireName(), each.wireName());
        }
        StringBuilder body = new StringBuilder("<h1>Payment sessions</h1><p class=\"muted\">Hosted payment pages made "
                + "with POST /api/hosted-payment.</p>")
                .append("<form method=\"get\" action=\"").append(SESSIONS).append("\" class=\"filters\">")
                .append(visit.mode().wireName().equals("live") ? "<input type=\"hidden\" name=\"mode\" value=\"live\">" : "")
                .append(Fields.select("status", "Status", statuses, statusText == null ? "" : statusText))
                .append("<button type=\"submit\">Filter</button></form>");
        if (problem != null) {
            body.append("<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><p>")
                    .append(Html.escape(problem)).append("</p></div>");
        }
        if (page.sessions().isEmpty()) {
            body.append("<p>No sessions match.</p>");
        } else {
            body.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Payment sessions\"><table>")
                    .append("<thead><tr><th scope=\"col\">Session</th><th scope=\"col\" class=\"num\">Amount</th>")
                    .append("<th scope=\"col\">Status</th><th scope=\"col\">Description</th><th scope=\"col\">Created</th>")
                    .append("<th scope=\"col\">Expires</th></tr></thead><tbody>");
            for (PaymentSession session : page.sessions()) {
                body.append("<tr><td><a href=\"").append(Html.escape(visit.link(SESSIONS + "/" + session.sessionId())))
                        .append("\"><code>").append(Html.escape(session.sessionId())).append("</code></a></td><td class=\"num\">")
                        .append(DashboardMoney.show(session.amount(), session.currency())).append("</td><td>")
                        .append(PaymentPages.status(session.status().wireName())).append("</td><td>")
                        .append(Html.escape(session.description() == null ? "" : session.description())).append("</td><td>")
                        .append(times.show(session.createdAt())).append("</td><td>").append(times.show(session.expiresAt()))
                        .append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        if (page.nextCursor() != null) {
            String link = SESSIONS + "?" + (status == null ? "" : "status=" + status.wireName() + "&") + "cursor="
                    + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8);
            body.append("<div class=\"pager\"><a href=\"").append(Html.escape(visit.link(link))).append("\">Next page</a></div>");
        }
        return visit.page(problem == null ? 200 : 400, "Payment sessions", body.toString());
    }

    private ApiResponse detail(Visit visit) {
        PaymentSession session = sessions.get(visit.caller(), visit.pathParameter("session_id")).asOf(clock.instant());
        StringBuilder body = new StringBuilder("<p><a href=\"").append(Html.escape(visit.link(SESSIONS)))
                .append("\">← Payment sessions</a></p><h1>").append(DashboardMoney.show(session.amount(), session.currency()))
                .append(' ').append(PaymentPages.status(session.status().wireName())).append("</h1><p><code>")
                .append(Html.escape(session.sessionId())).append("</code></p>");
        body.append("<div class=\"panel\"><dl class=\"facts\"><dt>Description</dt><dd>")
                .append(Html.escape(session.description() == null ? "—" : session.description())).append("</dd>")
                .append("<dt>Capture</dt><dd>").append(Html.escape(session.captureMethod().wireName())).append("</dd>")
                .append("<dt>Created</dt><dd>").append(times.show(session.createdAt())).append("</dd>")
                .append("<dt>Expires</dt><dd>").append(times.show(session.expiresAt())).append("</dd>")
                .append("<dt>Failed attempts</dt><dd>").append(session.failedAttempts()).append("</dd>");
        if (session.status() == SessionStatus.PENDING) {
            body.append("<dt>Customer's link</dt><dd><code>/pay/").append(Html.escape(session.sessionId())).append("</code></dd>");
        }
        if (session.transactionId() != null) {
            body.append("<dt>Payment</dt><dd><a href=\"")
                    .append(Html.escape(visit.link(PaymentPages.PAYMENTS + "/" + session.transactionId()))).append("\"><code>")
                    .append(Html.escape(session.transactionId())).append("</code></a></dd>");
        }
        if (session.lastFailure() != null) {
            body.append("<dt>Last failure</dt><dd>").append(Html.escape(session.lastFailure().message())).append("</dd>");
        }
        body.append("</dl></div>");
        if (!session.metadata().isEmpty()) {
            body.append("<div class=\"panel\"><h2>Metadata</h2><dl class=\"facts\">");
            session.metadata().forEach((key, value) -> body.append("<dt>").append(Html.escape(key)).append("</dt><dd>")
                    .append(Html.escape(String.valueOf(value))).append("</dd>"));
            body.append("</dl></div>");
        }
        if (session.status() == SessionStatus.PENDING && visit.role().canRefundAndCapture()) {
            body.append("<section class=\"panel\" aria-labelledby=\"cancel-heading\"><h2 id=\"cancel-heading\">Cancel</h2>")
                    .append("<p>The customer's link stops working; nothing can be paid on it any more.</p>")
                    .append(visit.form(SESSIONS + "/" + session.sessionId() + "/cancel",
                            "<button class=\"danger\" type=\"submit\">Cancel the session</button>"))
                    .append("</section>");
        }
        return visit.page("Session " + session.sessionId(), body.toString());
    }

    private ApiResponse cancel(Visit visit) {
        String sessionId = visit.pathParameter("session_id");
        sessions.cancel(visit.caller(), sessionId);
        return visit.redirect(SESSIONS + "/" + sessionId, "session_canceled");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
