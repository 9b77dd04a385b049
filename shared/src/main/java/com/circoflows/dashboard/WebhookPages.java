package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.dashboard.AccountRefusal;
import com.circoflows.domain.dashboard.DashboardAccounts;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.WebhookEventPage;
import com.circoflows.domain.webhook.WebhookEventQueries;
import com.circoflows.domain.webhook.WebhookRedelivery;
import com.circoflows.domain.webhook.WebhookTestSender;
import com.circoflows.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings → Webhooks: the endpoint URL (under the same address rules as the API), the signing secret
 * (revealed after the password is typed again; rotated with the previous one still signing for a
 * day), a test event, and the event log with every delivery attempt and a redeliver button.
 */
public final class WebhookPages implements DashboardArea {
    static final String WEBHOOKS = "/dashboard/settings/webhooks";
    private static final int EVENTS_PER_PAGE = 20;

    private final WebhookEndpointService endpoints;
    private final WebhookEventQueries events;
    private final WebhookRedelivery redelivery;
    private final WebhookTestSender testSender;
    private final DashboardAccounts accounts;
    private final DeliveryLog log;
    private final DashboardTimes times;
    private final Clock clock;

    public WebhookPages(WebhookEndpointService endpoints, WebhookEventQueries events, WebhookRedelivery redelivery,
            WebhookTestSender testSender, DashboardAccounts accounts, DeliveryLog log, DashboardTimes times,
            Clock clock) {
        this.endpoints = endpoints;
        this.events = events;
        this.redelivery = redelivery;
        this.testSender = testSender;
        this.accounts = accounts;
        this.log = log;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        Access managers = Access.signedIn(DashboardRole::canManageWebhooks);
        routes.get(WEBHOOKS, managers, visit -> overview(visit, 200, Map.of(), null, null));
        routes.post(WEBHOOKS, managers, this::setUrl);
        routes.post(WEBHOOKS + "/reveal-secret", managers, this::revealSecret);
        routes.post(WEBHOOKS + "/rotate-secret", managers, this::rotateSecret);
        routes.post(WEBHOOKS + "/expire-previous-secret", managers, this::expirePreviousSecret);
        routes.post(WEBHOOKS + "/test", managers, this::sendTestEvent);
        routes.get(DeliveryLog.EVENTS + "/{event_id}", managers, this::event);
        routes.post(DeliveryLog.EVENTS + "/{event_id}/redeliver", managers, this::redeliver);
    }

    private ApiResponse overview(Visit visit, int status, Map<String, String> errors, String typedUrl, String shownSecret) {
        StringBuilder body = new StringBuilder("<h1>Webhooks</h1>");
        if (visit.mode() == Mode.LIVE) {
            body.append("<p>Live mode is not enabled for this account yet: its webhook endpoint receives test-mode "
                    + "events. <a href=\"").append(WEBHOOKS).append("\">Open the test-mode webhooks</a>.</p>");
            return visit.page(status, "Webhooks", body.toString());
        }
        Optional<WebhookEndpoint> endpoint = endpoints.current(visit.caller());
        String url = typedUrl != null ? typedUrl : endpoint.map(WebhookEndpoint::url).orElse("");
        body.append(Fields.errorSummary(errors));
        body.append("<section class=\"panel\" aria-labelledby=\"endpoint-heading\"><h2 id=\"endpoint-heading\">Endpoint</h2>");
        endpoint.filter(WebhookEndpoint::disabled).ifPresent(disabled -> body.append("<p class=\"error\">Deliveries are "
                + "paused: ").append(Html.escape(String.valueOf(disabled.disabledReason()))).append(". Save the URL again to resume.</p>"));
        body.append(visit.form(WEBHOOKS, Fields.input("url", "Webhook URL", "url", url,
                "Where we send events. Outside local mode it must be https:// and a public address.", errors.get("url"),
                "maxlength=\"2048\" required") + "<button type=\"submit\">Save URL</button>"));
        body.append("</section>");

        body.append("<section class=\"panel\" aria-labelledby=\"secret-heading\"><h2 id=\"secret-heading\">Signing secret</h2>");
        if (shownSecret != null) {
            body.append("<p>Your signing secret:</p><code class=\"secret\" id=\"signing-secret\" data-copy=\"signing secret\">")
                    .append(Html.escape(shownSecret)).append("</code>");
        }
        if (endpoint.isPresent()) {
            body.append("<p class=\"muted\">Every event is signed with it (Standard Webhooks headers and "
                    + "X-Webhook-Signature). Verify each delivery before trusting it.</p>");
            body.append(visit.form(WEBHOOKS + "/reveal-secret",
                    Fields.input("password", "Your password, to reveal the secret", "password", null, null,
                            errors.get("password"), "autocomplete=\"current-password\" required")
                    + "<button class=\"secondary\" type=\"submit\">Reveal secret</button>"));
            body.append("<h3>Rotate</h3><p>A new secret signs every event from now on; the current one keeps signing "
                    + "beside it for 24 hours, so your servers can switch without missing a delivery.</p>")
                    .append(visit.form(WEBHOOKS + "/rotate-secret",
                            "<button class=\"danger\" type=\"submit\">Rotate secret</button>"));
            WebhookEndpoint current = endpoint.get();
            if (current.previousSecretAt(clock.instant()) != null) {
                body.append("<p>The previous secret still signs until ").append(times.show(current.previousSecretExpiresAt()))
                        .append(".</p>").append(visit.form(WEBHOOKS + "/expire-previous-secret",
                                "<button class=\"secondary\" type=\"submit\">Stop signing with the previous secret now</button>"));
            }
        } else {
            // Only accounts made before sign-up created a secret (bin/admin) get here.
            body.append("<p>This account has no signing secret yet. Saving a URL above creates one and shows it "
                    + "once.</p>");
        }
        body.append("</section>");

        body.append("<section class=\"panel\" aria-labelledby=\"test-heading\"><h2 id=\"test-heading\">Test event</h2>")
                .append("<p>Sends a <code>webhook.test</code> event to your URL through the normal delivery, signed, so "
                        + "you can check your endpoint. It shows in the log below.</p>")
                .append(visit.form(WEBHOOKS + "/test", "<button type=\"submit\">Send test event</button>"))
                .append("</section>");

        WebhookEventPage page = events.list(visit.caller(), EVENTS_PER_PAGE, cursor(visit));
        body.append("<h2>Event log</h2>");
        if (page.events().isEmpty()) {
            body.append("<p>No events yet.</p>");
        } else {
            body.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Event log\"><table><thead><tr>")
                    .append("<th scope=\"col\">Event</th><th scope=\"col\">Type</th><th scope=\"col\">Delivery</th>")
                    .append("<th scope=\"col\" class=\"num\">Attempts</th><th scope=\"col\">Created</th></tr></thead><tbody>");
            for (StoredWebhookEvent stored : page.events()) {
                String eventId = stored.event().eventId();
                body.append("<tr><td><a href=\"").append(Html.escape(DeliveryLog.EVENTS + "/" + eventId)).append("\"><code>")
                        .append(Html.escape(eventId)).append("</code></a></td><td><code>")
                        .append(Html.escape(stored.event().type().wireName())).append("</code></td><td>")
                        .append(PaymentPages.status(stored.delivery().status().wireName())).append("</td><td class=\"num\">")
                        .append(stored.delivery().attempts().size()).append("</td><td>")
                        .append(times.show(stored.event().createdAt())).append("</td></tr>");
            }
            body.append("</tbody></table></div>");
            if (page.nextCursor() != null) {
                body.append("<div class=\"pager\"><a href=\"").append(WEBHOOKS).append("?cursor=")
                        .append(Html.escape(URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8)))
                        .append("\">Older events</a></div>");
            }
        }
        return visit.page(status, "Webhooks", body.toString());
    }

    private ApiResponse setUrl(Visit visit) {
        String url = SignInPages.orEmpty(visit.field("url")).strip();
        WebhookEndpointService.EndpointChange change;
        try {
            change = endpoints.setUrl(visit.caller(), url);
        } catch (ApiException refused) {
            return overview(visit, 422, Map.of("url", refused.getMessage()), url, null);
        }
        if (change.shownSecret() != null) {
            return overview(visit, 200, Map.of(), null, change.shownSecret().value());
        }
        return visit.redirect(WEBHOOKS, "webhook_saved");
    }

    private ApiResponse revealSecret(Visit visit) {
        Optional<AccountRefusal> refused = accounts.confirmPassword(visit.user().user().userId(),
                SignInPages.orEmpty(visit.field("password")), visit.clientAddress());
        if (refused.isPresent()) {
            return overview(visit, 422, Map.of("password", refused.get().message()), null, null);
        }
        String secret = endpoints.current(visit.caller()).map(endpoint -> endpoint.secret().value()).orElse(null);
        return overview(visit, 200, Map.of(), null, secret);
    }

    private ApiResponse rotateSecret(Visit visit) {
        WebhookEndpointService.EndpointChange change = endpoints.rotateSecret(visit.caller());
        return overview(visit, 200, Map.of(), null, change.shownSecret().value());
    }

    private ApiResponse expirePreviousSecret(Visit visit) {
        endpoints.expirePreviousSecret(visit.caller());
        return visit.redirect(WEBHOOKS, "previous_secret_expired");
    }

    private ApiResponse sendTestEvent(Visit visit) {
        testSender.send(visit.caller(), "evt_" + com.circoflows.domain.ids.RandomIds.base62(24));
        return visit.redirect(WEBHOOKS, "test_event_sent");
    }

    private ApiResponse event(Visit visit) {
        StoredWebhookEvent stored = events.get(visit.caller(), visit.pathParameter("event_id"));
        String body = "<p><a href=\"" + WEBHOOKS + "\">← Webhooks</a></p><h1>Event <code>"
                + Html.escape(stored.event().eventId()) + "</code></h1>"
                + log.render(visit, List.of(stored))
                + "<section class=\"panel\" aria-labelledby=\"payload-heading\"><h2 id=\"payload-heading\">Data</h2>"
                + "<pre class=\"secret\" tabindex=\"0\">" + Html.escape(Json.write(stored.event().data())) + "</pre></section>";
        return visit.page("Webhook event", body);
    }

    private ApiResponse redeliver(Visit visit) {
        String eventId = visit.pathParameter("event_id");
        redelivery.redeliver(visit.caller(), eventId);
        String back = visit.field("return_to");
        return visit.redirect(DashboardApp.isSafeNext(back) ? back : DeliveryLog.EVENTS + "/" + eventId, "redelivery_queued");
    }

    private static String cursor(Visit visit) {
        String cursor = visit.query("cursor");
        return cursor == null || cursor.isBlank() ? null : cursor;
    }
}
