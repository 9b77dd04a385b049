package com.circoflows.dashboard;

import com.circoflows.api.pages.Html;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEventPage;
import com.circoflows.domain.webhook.WebhookEventQueries;
import java.util.List;

/**
 * Webhook events with every delivery attempt (when, where, the answer's status, how long it took, the
 * start of the answer) and a redeliver button: on a payment's page for its events, and on the webhooks
 * page for all of them.
 */
public final class DeliveryLog {
    static final String EVENTS = "/dashboard/settings/webhooks/events";
    private static final int PAYMENT_EVENTS = 50;

    private final WebhookEventQueries events;
    private final DashboardTimes times;

    public DeliveryLog(WebhookEventQueries events, DashboardTimes times) {
        this.events = events;
        this.times = times;
    }

    /** The payment's events, newest first, as a section of its page. */
    String forPayment(Visit visit, String transactionId) {
        WebhookEventPage page = events.listForTransaction(visit.caller(), transactionId, PAYMENT_EVENTS, null);
        return "<section class=\"panel\" aria-labelledby=\"webhooks-heading\"><h2 id=\"webhooks-heading\">Webhook deliveries</h2>"
                + (page.events().isEmpty() ? "<p>No webhook events for this payment.</p>" : render(visit, page.events()))
                + "</section>";
    }

    String render(Visit visit, List<StoredWebhookEvent> shown) {
        boolean canRedeliver = visit.role().canManageWebhooks();
        StringBuilder html = new StringBuilder();
        for (StoredWebhookEvent stored : shown) {
            String eventId = stored.event().eventId();
            html.append("<article class=\"panel\" aria-labelledby=\"ev-").append(Html.escape(eventId)).append("\"><h3 id=\"ev-")
                    .append(Html.escape(eventId)).append("\"><code>").append(Html.escape(stored.event().type().wireName()))
                    .append("</code> ").append(PaymentPages.status(stored.delivery().status().wireName())).append("</h3>")
                    .append("<p class=\"muted\"><code>").append(Html.escape(eventId)).append("</code> · created ")
                    .append(times.show(stored.event().createdAt())).append("</p>");
            List<DeliveryAttempt> attempts = stored.delivery().attempts();
            if (attempts.isEmpty()) {
                html.append("<p>Not attempted yet.</p>");
            } else {
                html.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Attempts of ")
                        .append(Html.escape(eventId)).append("\"><table><thead><tr><th scope=\"col\">#</th>")
                        .append("<th scope=\"col\">When</th><th scope=\"col\">Answer</th><th scope=\"col\" class=\"num\">Time</th>")
                        .append("<th scope=\"col\">Response</th></tr></thead><tbody>");
                for (DeliveryAttempt attempt : attempts) {
                    html.append("<tr><td>").append(attempt.number()).append("</td><td>").append(times.show(attempt.at()))
                            .append("<br><span class=\"muted\">").append(Html.escape(attempt.url())).append("</span></td><td>")
                            .append(attempt.httpStatus() != null ? "HTTP " + attempt.httpStatus()
                                    : Html.escape(attempt.error() == null ? "—" : attempt.error()))
                            .append("</td><td class=\"num\">").append(attempt.durationMillis()).append(" ms</td><td><code>")
                            .append(Html.escape(attempt.responseSnippet() == null ? "" : attempt.responseSnippet()))
                            .append("</code></td></tr>");
                }
                html.append("</tbody></table></div>");
            }
            if (canRedeliver) {
                html.append(visit.form(EVENTS + "/" + eventId + "/redeliver",
                        "<input type=\"hidden\" name=\"return_to\" value=\"" + Html.escape(visit.path()) + "\">"
                                + "<button class=\"secondary\" type=\"submit\" aria-label=\"Redeliver " + Html.escape(eventId)
                                + "\">Redeliver</button>"));
            }
            html.append("</article>");
        }
        return html.toString();
    }
}
