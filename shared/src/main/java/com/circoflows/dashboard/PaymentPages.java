package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.api.payments.ListDirectPaymentsEndpoint;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.AuthorizationService;
import com.circoflows.domain.payment.PaymentMethod;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionFilter;
import com.circoflows.domain.payment.TransactionListQueries;
import com.circoflows.domain.payment.TransactionPage;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.domain.refund.Refund;
import com.circoflows.domain.refund.RefundOutcome;
import com.circoflows.domain.refund.RefundQueries;
import com.circoflows.domain.refund.RefundReason;
import com.circoflows.domain.refund.RefundRequest;
import com.circoflows.domain.refund.RefundService;
import com.circoflows.domain.refund.RefundStatus;
import com.circoflows.domain.refund.RefundView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Payments: the list with its filters, search and pages, and one payment's page with its timeline,
 * refunds, webhook deliveries and the capture, cancel and refund forms. Every read and change goes
 * through the same services as the API, as the signed-in user's merchant in the mode shown. A bank
 * transfer shows its method, instructions and money instead of a card ({@link BankTransferFacts}).
 */
public final class PaymentPages implements DashboardArea {
    static final String PAYMENTS = "/dashboard/payments";
    private static final int PAGE_SIZE = 25;
    private static final Pattern TRANSACTION_ID = Pattern.compile("^txn_[0-9A-Za-z]{8,40}$");
    private static final Pattern LAST4 = Pattern.compile("^[0-9]{4}$");
    private static final Pattern FORM_TOKEN = Pattern.compile("^[0-9A-Za-z]{24}$");
    private static final Map<String, String> STATUSES = statuses();
    private static final Map<String, String> METHODS = methods();

    private final TransactionListQueries list;
    private final TransactionQueries transactions;
    private final AuthorizationService authorizations;
    private final RefundService refunds;
    private final RefundQueries refundQueries;
    private final DeliveryLog deliveries;
    private final DashboardTimes times;

    public PaymentPages(TransactionListQueries list, TransactionQueries transactions,
            AuthorizationService authorizations, RefundService refunds, RefundQueries refundQueries,
            DeliveryLog deliveries, DashboardTimes times) {
        this.list = list;
        this.transactions = transactions;
        this.authorizations = authorizations;
        this.refunds = refunds;
        this.refundQueries = refundQueries;
        this.deliveries = deliveries;
        this.times = times;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        routes.get(PAYMENTS, Access.anyone(), this::list);
        routes.get(PAYMENTS + "/{transaction_id}", Access.anyone(), visit -> detail(visit, 200, null));
        routes.post(PAYMENTS + "/{transaction_id}/refund", Access.signedIn(DashboardRole::canRefundAndCapture), this::refund);
        routes.post(PAYMENTS + "/{transaction_id}/capture", Access.signedIn(DashboardRole::canRefundAndCapture), this::capture);
        routes.post(PAYMENTS + "/{transaction_id}/cancel", Access.signedIn(DashboardRole::canRefundAndCapture), this::cancel);
    }

    // ---- the list ---------------------------------------------------------------------------------

    private ApiResponse list(Visit visit) {
        String search = trimmed(visit.query("q"));
        if (search != null && TRANSACTION_ID.matcher(search).matches()) {
            return visit.redirect(PAYMENTS + "/" + search);
        }
        Map<String, String> query = new LinkedHashMap<>();
        copy(visit, query, "status");
        copy(visit, query, "payment_method");
        copy(visit, query, "created_from");
        copy(visit, query, "created_to");
        String searchError = null;
        if (search != null) {
            if (LAST4.matcher(search).matches()) {
                query.put("card_last4", search);
            } else if (search.contains("@")) {
                query.put("customer_email", search);
            } else if (search.indexOf(':') > 0) {
                int colon = search.indexOf(':');
                query.put("metadata[" + search.substring(0, colon).strip() + "]", search.substring(colon + 1).strip());
            } else {
                searchError = "Search for a payment id (txn_…), the last 4 digits of a card, an email address, "
                        + "or metadata as key:value (order_id:1234).";
            }
        }
        String problem = searchError;
        TransactionPage page = TransactionPage.empty();
        if (problem == null) {
            try {
                TransactionFilter filter = ListDirectPaymentsEndpoint.filter(query);
                PaymentMethod method = query.containsKey("payment_method")
                        ? PaymentMethod.fromWireName(query.get("payment_method")).orElse(null) : null;
                page = list.list(visit.caller(), filter, method, PAGE_SIZE, trimmed(visit.query("cursor")));
            } catch (ApiException refused) {
                problem = refused.getMessage();
            }
        }
        StringBuilder body = new StringBuilder("<h1>Payments</h1>");
        body.append("<form method=\"get\" action=\"").append(PAYMENTS).append("\" class=\"filters\" role=\"search\">")
                .append(visit.mode().wireName().equals("live") ? "<input type=\"hidden\" name=\"mode\" value=\"live\">" : "")
                .append(Fields.input("q", "Search", "search", search, null, null,
                        "placeholder=\"txn_…, 4242, email, order_id:123\""))
                .append(Fields.select("status", "Status", STATUSES, orEmpty(visit.query("status"))))
                .append(Fields.select("payment_method", "Method", METHODS, orEmpty(visit.query("payment_method"))))
                .append(Fields.input("created_from", "From", "date", visit.query("created_from"), null, null, ""))
                .append(Fields.input("created_to", "Before", "date", visit.query("created_to"), null, null, ""))
                .append("<button type=\"submit\">Filter</button></form>");
        if (problem != null) {
            body.append("<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><p>")
                    .append(Html.escape(problem)).append("</p></div>");
        }
        if (page.transactions().isEmpty() && page.nextCursor() != null) {
            body.append("<p>No payments match on this page; older ones may, on the next.</p>");
        } else if (page.transactions().isEmpty()) {
            body.append("<p>No payments match.").append(visit.mode().wireName().equals("test")
                    ? " Make a test payment with one of your test API keys and it shows here." : "").append("</p>");
        } else {
            body.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Payments\"><table><thead><tr>")
                    .append("<th scope=\"col\">Payment</th><th scope=\"col\" class=\"num\">Amount</th>")
                    .append("<th scope=\"col\">Status</th><th scope=\"col\">Method</th><th scope=\"col\">Customer</th>")
                    .append("<th scope=\"col\">Created</th></tr></thead><tbody>");
            for (Transaction t : page.transactions()) {
                Map<String, Object> view = TransactionView.of(t);
                body.append("<tr><td><a href=\"").append(Html.escape(visit.link(PAYMENTS + "/" + t.transactionId())))
                        .append("\"><code>").append(Html.escape(t.transactionId())).append("</code></a></td><td class=\"num\">")
                        .append(DashboardMoney.show(view.get("amount"), view.get("currency"))).append("</td><td>")
                        .append(status(t.status().wireName())).append("</td><td>").append(method(t, view)).append("</td><td>")
                        .append(Html.escape(text(t.customerInfo().get("email")))).append("</td><td>")
                        .append(times.show(t.createdAt())).append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        body.append("<div class=\"pager\">");
        if (visit.query("cursor") != null) {
            body.append("<a href=\"").append(Html.escape(pageLink(visit, null))).append("\">First page</a>");
        }
        if (page.nextCursor() != null) {
            body.append("<a href=\"").append(Html.escape(pageLink(visit, page.nextCursor()))).append("\">Next page</a>");
        }
        body.append("</div>");
        return visit.page(problem == null ? 200 : 400, "Payments", body.toString());
    }

    private static String pageLink(Visit visit, String cursor) {
        StringBuilder link = new StringBuilder(PAYMENTS + "?");
        for (String name : List.of("q", "status", "payment_method", "created_from", "created_to")) {
            String value = trimmed(visit.query(name));
            if (value != null) {
                link.append(name).append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        if (cursor != null) {
            link.append("cursor=").append(java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)).append('&');
        }
        return visit.link(link.substring(0, link.length() - 1));
    }

    // ---- one payment ------------------------------------------------------------------------------

    private ApiResponse detail(Visit visit, int status, String problem) {
        String transactionId = visit.pathParameter("transaction_id");
        Transaction t = transactions.findOwned(visit.caller(), transactionId);
        Map<String, Object> view = TransactionView.of(t);
        List<Refund> refundList = refundQueries.list(visit.caller(), transactionId);
        String currency = t.amount().currencyCode();
        StringBuilder body = new StringBuilder("<p><a href=\"").append(Html.escape(visit.link(PAYMENTS)))
                .append("\">← Payments</a></p><h1>").append(DashboardMoney.show(view.get("amount"), currency)).append(' ')
                .append(status(t.status().wireName())).append("</h1><p><code>").append(Html.escape(transactionId))
                .append("</code></p>");
        if (problem != null) {
            body.append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>That didn't work</h2><p>")
                    .append(Html.escape(problem)).append("</p></div>");
        }
        boolean byTransfer = t.bankTransfer() != null;
        body.append(actions(visit, t));
        body.append("<div class=\"panel\"><h2>Details</h2><dl class=\"facts\">")
                .append(fact("Amount", DashboardMoney.show(view.get("amount"), currency)));
        if (byTransfer) {
            // Nothing is authorised, captured or challenged: the money arrives or it does not.
            body.append(fact("Paid", DashboardMoney.show(view.get("amount_captured"), currency)))
                    .append(fact("Refunded", DashboardMoney.show(view.get("amount_refunded"), currency)))
                    .append(fact("Method", BankTransferFacts.method(t.bankTransfer())));
        } else {
            body.append(fact("Captured", DashboardMoney.show(view.get("amount_captured"), currency)))
                    .append(fact("Refunded", DashboardMoney.show(view.get("amount_refunded"), currency)))
                    .append(fact("Capture", Html.escape(t.captureMethod().wireName())))
                    .append(fact("Card", card(view)))
                    .append(fact("3-D Secure", Html.escape(t.threeDSecure().wireName())));
        }
        body.append(fact("Created", times.show(t.createdAt())))
                .append(fact("Processed", times.show(t.processedAt())));
        if (t.sessionId() != null) {
            body.append(fact("Session", "<a href=\"" + Html.escape(visit.link("/dashboard/sessions/" + t.sessionId()))
                    + "\"><code>" + Html.escape(t.sessionId()) + "</code></a>"));
        }
        if (t.failure() != null) {
            body.append(fact("Failure", Html.escape(t.failure().code().code() + ": " + t.failure().message())));
        }
        if (t.risk() != null) {
            body.append(fact("Risk score", Html.escape(String.valueOf(t.risk().score()))
                    + (t.risk().rulesHit().isEmpty() ? "" : " (" + Html.escape(String.join(", ", t.risk().rulesHit())) + ")")));
        }
        body.append("</dl></div>");
        if (byTransfer) {
            body.append(BankTransferFacts.panel(t, times));
        }
        body.append(keyValues("Customer", t.customerInfo())).append(keyValues("Metadata", t.metadata()));
        body.append("<div class=\"panel\"><h2>Timeline</h2><ol class=\"timeline\">")
                .append(event(times, t.createdAt(), byTransfer ? BankTransferFacts.createdLabel(t) : "Payment created"));
        if (!byTransfer && !"not_required".equals(t.threeDSecure().wireName())) {
            body.append("<li>3-D Secure: ").append(Html.escape(t.threeDSecure().wireName())).append("</li>");
        }
        if (t.processedAt() != null) {
            body.append(event(times, t.processedAt(), byTransfer ? BankTransferFacts.processedLabel(t) : processedLabel(t)));
        }
        if (t.awaitsTransfer()) {
            body.append(event(times, t.bankTransfer().expiresAt(), BankTransferFacts.expiryLabel(t)));
        }
        for (Refund refund : refundList) {
            Map<String, Object> shown = RefundView.of(refund);
            body.append(event(times, refund.createdAt(), "Refund of " + DashboardMoney.show(shown.get("amount"), currency)
                    + (byTransfer ? " as a bank transfer to the payer: " : " ") + refund.status().wireName()));
        }
        body.append("</ol></div>");
        body.append(deliveries.forPayment(visit, transactionId));
        return visit.page(status, "Payment " + transactionId, body.toString());
    }

    private String actions(Visit visit, Transaction t) {
        if (!visit.role().canRefundAndCapture()) {
            return "";
        }
        String base = PAYMENTS + "/" + t.transactionId();
        String currency = t.amount().currencyCode();
        StringBuilder html = new StringBuilder();
        if (t.status() == TransactionStatus.AUTHORIZED) {
            html.append("<section class=\"panel\" aria-labelledby=\"capture-heading\"><h2 id=\"capture-heading\">Capture or cancel</h2>")
                    .append(visit.form(base + "/capture", Fields.input("amount", "Amount to capture (" + currency + ")",
                            "text", null, "Leave empty to capture all of it.", null, "inputmode=\"decimal\"")
                            + "<button type=\"submit\">Capture</button>"))
                    .append(visit.form(base + "/cancel", "<p></p><button class=\"danger\" type=\"submit\">Cancel the payment</button>"))
                    .append("</section>");
        }
        if (t.status() == TransactionStatus.COMPLETED || t.status() == TransactionStatus.PARTIALLY_REFUNDED) {
            Map<String, Object> view = TransactionView.of(t);
            long left = ((Number) view.get("amount_captured")).longValue() - ((Number) view.get("amount_refunded")).longValue();
            Map<String, String> reasons = new LinkedHashMap<>();
            reasons.put("", "No reason given");
            for (RefundReason reason : RefundReason.values()) {
                reasons.put(reason.wireName(), reason.wireName().replace('_', ' '));
            }
            html.append("<section class=\"panel\" aria-labelledby=\"refund-heading\"><h2 id=\"refund-heading\">Refund</h2>")
                    .append(visit.form(base + "/refund",
                            // A resubmitted form (a double click, a reload) carries the same token, so it makes one refund.
                            "<input type=\"hidden\" name=\"refund_token\" value=\"" + RandomIds.base62(24) + "\">"
                            + Fields.input("amount", "Amount to refund (" + currency + ")", "text", null,
                                    "Up to " + DashboardMoney.show(left, currency) + ". Leave empty to refund all of it."
                                            + (t.bankTransfer() != null
                                                    ? " " + BankTransferFacts.refundHint(visit.mode() == Mode.TEST) : ""),
                                    null, "inputmode=\"decimal\"")
                            + Fields.select("reason", "Reason", reasons, "")
                            + "<button type=\"submit\">Refund</button>"))
                    .append("</section>");
        }
        return html.toString();
    }

    private ApiResponse refund(Visit visit) {
        String transactionId = visit.pathParameter("transaction_id");
        Transaction t = transactions.findOwned(visit.caller(), transactionId);
        String token = visit.field("refund_token");
        if (token == null || !FORM_TOKEN.matcher(token).matches()) {
            return detail(visit, 400, "This form has expired. Reload the page and try again.");
        }
        Long amount = null;
        String typed = visit.field("amount");
        if (typed != null && !typed.isBlank()) {
            amount = DashboardMoney.parse(typed, t.amount().currencyCode());
            if (amount == null) {
                return detail(visit, 422, "Enter the amount to refund, e.g. 12.50, or leave it empty to refund it all.");
            }
        }
        RefundReason reason = RefundReason.fromWireName(orEmpty(visit.field("reason"))).orElse(null);
        RefundOutcome outcome;
        try {
            outcome = refunds.refund(visit.caller(), transactionId, refundId(transactionId, token),
                    new RefundRequest(amount, reason, Map.of()));
        } catch (ApiException refused) {
            if (refused.code().code().equals("transaction_not_found")) {
                throw refused;
            }
            return detail(visit, 422, refused.getMessage());
        }
        RefundStatus settled = outcome.refund().status();
        return visit.redirect(PAYMENTS + "/" + transactionId, settled == RefundStatus.SUCCEEDED ? "refunded"
                : settled == RefundStatus.FAILED ? "refund_failed"
                : t.bankTransfer() != null ? "refund_transfer_pending" : "refund_pending");
    }

    private ApiResponse capture(Visit visit) {
        String transactionId = visit.pathParameter("transaction_id");
        Transaction t = transactions.findOwned(visit.caller(), transactionId);
        Long amount = null;
        String typed = visit.field("amount");
        if (typed != null && !typed.isBlank()) {
            amount = DashboardMoney.parse(typed, t.amount().currencyCode());
            if (amount == null) {
                return detail(visit, 422, "Enter the amount to capture, e.g. 12.50, or leave it empty to capture it all.");
            }
        }
        try {
            authorizations.capture(visit.caller(), transactionId, amount);
        } catch (ApiException refused) {
            return detail(visit, 422, refused.getMessage());
        }
        return visit.redirect(PAYMENTS + "/" + transactionId, "captured");
    }

    private ApiResponse cancel(Visit visit) {
        String transactionId = visit.pathParameter("transaction_id");
        transactions.findOwned(visit.caller(), transactionId);
        try {
            authorizations.cancel(visit.caller(), transactionId);
        } catch (ApiException refused) {
            return detail(visit, 409, refused.getMessage());
        }
        return visit.redirect(PAYMENTS + "/" + transactionId, "canceled");
    }

    /** The refund's id, from the form's token and the payment: the same form posted twice makes one refund. */
    static String refundId(String transactionId, String formToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((transactionId + "|" + formToken).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(Refund.ID_PREFIX);
            String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            for (int i = 0; i < 24; i++) {
                id.append(alphabet.charAt((digest[i] & 0xff) % 62));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    // ---- pieces ------------------------------------------------------------------------------------

    private static String processedLabel(Transaction t) {
        return switch (t.status()) {
            case AUTHORIZED -> "Authorised, waiting for capture";
            case FAILED -> "Failed";
            case CANCELED -> "Canceled";
            case PENDING -> "Pending";
            default -> "Authorised and captured";
        };
    }

    private static String event(DashboardTimes times, java.time.Instant at, String what) {
        return "<li>" + times.show(at) + ": " + Html.escape(what) + "</li>";
    }

    static String status(String wireName) {
        return "<span class=\"status " + Html.escape(wireName) + "\">" + Html.escape(wireName.replace('_', ' ')) + "</span>";
    }

    /** The list's Method cell: the card (and the wallet it came from), or the bank transfer and its reference. */
    private static String method(Transaction t, Map<String, Object> view) {
        return t.bankTransfer() != null ? BankTransferFacts.methodCell(t.bankTransfer()) : card(view);
    }

    @SuppressWarnings("unchecked")
    private static String card(Map<String, Object> view) {
        Object card = view.get("card");
        if (!(card instanceof Map<?, ?> map)) {
            return "—";
        }
        Map<String, Object> c = (Map<String, Object>) map;
        Object wallet = view.get("wallet");
        String walletName = "apple_pay".equals(wallet) ? "Apple Pay " : "google_pay".equals(wallet) ? "Google Pay " : "";
        return walletName + Html.escape(text(c.get("brand"))) + " ···· " + Html.escape(text(c.get("last4")))
                + " <span class=\"muted\">" + Html.escape(text(c.get("exp_month"))) + "/" + Html.escape(text(c.get("exp_year")))
                + "</span>";
    }

    private static String keyValues(String title, Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"panel\"><h2>").append(title).append("</h2><dl class=\"facts\">");
        values.forEach((key, value) -> html.append(fact(Html.escape(key), Html.escape(text(value)))));
        return html.append("</dl></div>").toString();
    }

    private static String fact(String term, String definitionHtml) {
        return "<dt>" + term + "</dt><dd>" + definitionHtml + "</dd>";
    }

    private static void copy(Visit visit, Map<String, String> query, String name) {
        String value = trimmed(visit.query(name));
        if (value != null) {
            query.put(name, value);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Map<String, String> methods() {
        Map<String, String> methods = new LinkedHashMap<>();
        methods.put("", "Any");
        methods.put(PaymentMethod.CARD.wireName(), "Card");
        methods.put(PaymentMethod.BANK_TRANSFER.wireName(), "Bank transfer");
        methods.put(PaymentMethod.APPLE_PAY.wireName(), "Apple Pay");
        methods.put(PaymentMethod.GOOGLE_PAY.wireName(), "Google Pay");
        return methods;
    }

    private static Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("", "Any");
        for (TransactionStatus status : TransactionStatus.values()) {
            statuses.put(status.wireName(), status.wireName().replace('_', ' '));
        }
        return statuses;
    }
}
