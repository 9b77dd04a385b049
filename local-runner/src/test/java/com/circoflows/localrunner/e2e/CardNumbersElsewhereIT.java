package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.assertInvalidRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Card numbers sent where no card number belongs, written as outside testers wrote them to get past a
 * plain digit-run check: grouped by dots, underscores, slashes or double spaces, in the query of a
 * return_url or webhook_url (with %20, %2E or +), as a metadata key, an unknown field's name, an
 * Idempotency-Key, a request path, the name and email on the payment page, the dashboard's fields and
 * payment search. Each is refused (400
 * invalid_request naming the param; a path is a 404) and never echoed. Every number is recorded in
 * {@link SentCardData}, so {@link CardDataScanIT} proves afterwards that none of them was stored or
 * logged in any form.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardNumbersElsewhereIT {
    private static final String CVV = "938";
    /** Valid card numbers of several brands that no other test sends, so any trace of them here is this test's. */
    private static final List<String> PANS = List.of("4111111111111111", "5105105105105100", "6011111111111117",
            "3530111333300000", "378282246310005", "30569309025904");

    private final E2e e2e;

    CardNumbersElsewhereIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void recordTheNumbers() {
        PANS.forEach(SentCardData::pan);
    }

    /**
     * Every writing of every number, each once: pairs of (number, how it is written). Each test has a
     * merchant of its own, so its requests stay within the payment limit (100 a minute).
     */
    private static List<String[]> everyWriting(List<String> separators) {
        List<String[]> cases = new ArrayList<>();
        for (int i = 0; i < separators.size(); i++) {
            String pan = PANS.get(i % PANS.size());
            cases.add(new String[] {pan, grouped(pan, separators.get(i))});
        }
        return cases;
    }

    /** Groups of four split by a separator run, as people and tools write them. */
    private static final List<String> SEPARATORS = List.of(".", "_", "/", "  ", " - ", ". ");

    /** ... and in a URL's query, encoded as browsers and HTTP libraries encode it. */
    private static final List<String> QUERY_SEPARATORS = List.of("", "%20", "%2E", "+", "%252E", "_");

    @Test
    void inMetadataValuesAndKeys() {
        Api api = merchant();
        for (String pan : PANS) {
            for (String separator : SEPARATORS) {
                String written = grouped(pan, separator);
                refused(api.pay(payment().set("metadata", Json.object().put("note", written))), "metadata[note]", pan);
            }
        }
        for (String[] writing : everyWriting(SEPARATORS)) {
            refused(api.pay(payment().set("metadata", Json.object().put(writing[1], "x"))), "metadata", writing[0]);
            refused(api.pay(payment().set("metadata", Json.object().put("note", writing[1] + " 12/30"))),
                    "metadata[note]", writing[0]);
            refused(api.post("/api/direct-payment/txn_000000000000000000000000/refunds",
                    Json.object().set("metadata", Json.object().put("note", writing[1]))), "metadata[note]", writing[0]);
            refused(api.post("/api/direct-payment/txn_000000000000000000000000/refunds",
                    Json.object().put("reason", writing[1])), "reason", writing[0]);
        }
    }

    @Test
    void inCustomerInfoAndDescriptions() {
        Api api = merchant();
        for (String[] writing : everyWriting(SEPARATORS)) {
            String pan = writing[0];
            refused(api.pay(payment().set("customer_info", Json.object().put("name", writing[1]))),
                    "customer_info[name]", pan);
            ObjectNode address = Json.object();
            address.set("address", Json.object().put("line1", "Flat " + writing[1]));
            refused(api.pay(payment().set("customer_info", address)), "customer_info[address][line1]", pan);
            refused(api.post("/api/hosted-payment", session().put("description", writing[1])), "description", pan);
            refused(api.post("/api/hosted-payment", session().set("customer_info",
                    Json.object().put("email", "jane+" + grouped(pan, ".") + "@example.com"))),
                    "customer_info[email]", pan);
        }
    }

    @Test
    void inTheQueryOfAReturnOrWebhookUrl() {
        Api api = merchant();
        for (String[] writing : everyWriting(QUERY_SEPARATORS)) {
            String pan = writing[0];
            String query = "?order=7&card=" + writing[1];
            refused(api.pay(payment().put("return_url", "https://shop.example/done" + query)), "return_url", pan);
            refused(api.pay(payment().put("webhook_url", "http://127.0.0.1:9/hook" + query)), "webhook_url", pan);
            refused(api.post("/api/hosted-payment", session().put("return_url", "https://shop.example/done" + query)),
                    "return_url", pan);
            refused(api.post("/api/hosted-payment", session().put("webhook_url", "http://127.0.0.1:9/hook" + query)),
                    "webhook_url", pan);
            refused(api.call("PUT", "/api/webhook-endpoint",
                    Json.write(Json.object().put("url", "http://127.0.0.1:9/endpoint" + query))), "url", pan);
        }
    }

    @Test
    void asTheNameOfAnUnknownFieldAnApiKeyOrAGatewayId() {
        Api api = merchant();
        for (String[] writing : everyWriting(SEPARATORS)) {
            refused(api.pay(payment().put(writing[1], 1)), "body", writing[0]);
            refused(api.post("/api/keys", Json.object().put("name", writing[1])), "name", writing[0]);
            refused(api.call("PUT", "/api/branding", Json.write(Json.object().put("display_name", "Shop " + writing[1]))),
                    "display_name", writing[0]);
            refused(api.post("/api/direct-payment/txn_000000000000000000000000/confirm-3ds",
                    Json.object().put("status", "success").put("gateway_id", writing[1])), "gateway_id", writing[0]);
        }
    }

    @Test
    void asAListFilterIsRefusedAndNeverEchoed() {
        Api api = merchant();
        for (String[] writing : everyWriting(QUERY_SEPARATORS)) {
            refused(api.get("/api/hosted-payment?status=" + writing[1]), "status", writing[0]);
            refused(api.get("/api/direct-payment?status=" + writing[1]), "status", writing[0]);
            refused(api.get("/api/direct-payment?card_last4=" + writing[1]), "card_last4", writing[0]);
            refused(api.get("/api/direct-payment?customer_email=jane%2B" + writing[1] + "%40example.com"),
                    "customer_email", writing[0]);
        }
    }

    @Test
    void asAnIdempotencyKey() {
        Api api = merchant();
        for (String[] writing : everyWriting(SEPARATORS)) {
            HttpResult answer = api.post("/api/direct-payment", Json.write(payment()),
                    Map.of("Idempotency-Key", "order-" + writing[1]));
            refused(answer, "Idempotency-Key", writing[0]);
        }
    }

    @Test
    void inARequestPathIsNotFoundAndNeverEchoed() {
        Api api = merchant();
        for (String[] writing : everyWriting(List.of(".", "_", "%20%20", "-", "%2E", "."))) {
            String id = writing[1];
            for (String path : List.of("/api/direct-payment/" + id, "/api/hosted-payment/" + id,
                    "/api/direct-payment/txn_" + id + "/confirm-3ds", "/api/webhook-events/" + id)) {
                HttpResult answer = path.endsWith("confirm-3ds")
                        ? api.post(path, Json.object().put("status", "success").put("gateway_id", "gw"))
                        : api.get(path);
                assertEquals(404, answer.status(), answer::describe);
                assertNotEchoed(answer, writing[0]);
            }
        }
    }

    @Test
    void asTheNameOrEmailTypedOnThePaymentPage() {
        Api api = merchant();
        for (String pan : PANS.subList(0, 3)) {
            String paymentUrl = api.post("/api/hosted-payment", session()).data().path("payment_url").asText();
            ChallengePage page = ChallengePage.open(e2e, paymentUrl);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf_token", page.csrfToken());
            form.put("email", "jane+" + grouped(pan, ".") + "@example.com");
            form.put("cardholder_name", grouped(pan, "  "));
            form.put("card_number", SentCardData.pan(Payments.SUCCESS));
            form.put("expiry", "12/30");
            form.put("cvc", SentCardData.cvv(CVV));

            HttpResult answer = ChallengePage.post(e2e, paymentUrl, encode(form), ChallengePage.COOKIE + "=" + page.nonce());

            assertEquals(422, answer.status(), answer::describe);
            assertNotEchoed(answer, pan);
            String sessionId = paymentUrl.substring(paymentUrl.lastIndexOf('/') + 1);
            HttpResult session = api.get("/api/hosted-payment/" + sessionId);
            assertEquals("pending", session.data().path("status").asText(), session::describe);
            assertNotEchoed(session, pan);
        }
    }

    @Test
    void typedIntoAnyDashboardFieldOrSearchIsRefusedUnsavedAndNeverEchoed() {
        DashboardUser owner = DashboardUser.signUp(e2e, "Card Numbers In The Dashboard");
        Api api = e2e.api(owner.firstApiKey());
        String keysBefore = api.get("/api/keys").data().path("keys").toString();
        String brandingBefore = api.get("/api/branding").data().toString();
        String[][] forms = {
            {"/dashboard/settings/api-keys", "/dashboard/settings/api-keys", "name"},
            {"/dashboard/settings/webhooks", "/dashboard/settings/webhooks", "url"},
            {"/dashboard/settings/branding", "/dashboard/settings/branding", "display_name"},
            {"/dashboard/team", "/dashboard/team/invite", "email"},
        };
        for (int i = 0; i < forms.length; i++) {
            String pan = PANS.get(i);
            String written = grouped(pan, SEPARATORS.get(i));
            String value = forms[i][2].equals("url") ? "https://shop.example/hooks?card=" + written
                    : forms[i][2].equals("email") ? "jane+" + written + "@example.com" : "Key " + written;
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(forms[i][2], value);
            fields.put("role", "developer");

            String action = forms[i][1];
            DashboardUser.Page answer = owner.submit(forms[i][0], action, fields);

            assertEquals(400, answer.status(), () -> action + ": " + answer.body());
            assertPageNotEchoed(answer, pan);
        }
        String pan = PANS.get(4);
        DashboardUser.Page search = owner.get("/dashboard/payments?q="
                + URLEncoder.encode(grouped(pan, " "), StandardCharsets.UTF_8));
        assertEquals(400, search.status(), search::body);
        assertPageNotEchoed(search, pan);

        assertEquals(keysBefore, api.get("/api/keys").data().path("keys").toString(), "no key was made");
        assertEquals(brandingBefore, api.get("/api/branding").data().toString(), "the branding is unchanged");
        assertFalse(owner.get("/dashboard/team").body().contains("jane+"), "nobody was invited");
        assertFalse(owner.get("/dashboard/settings/webhooks").body().contains("shop.example"), "no URL was set");
    }

    private static void assertPageNotEchoed(DashboardUser.Page answer, String pan) {
        assertFalse(answer.body().replaceAll("[^0-9]", "").contains(pan), () -> "the page repeats the card number: "
                + answer.body());
    }

    private Api merchant() {
        return e2e.newMerchant("Card Numbers Elsewhere Merchant").api();
    }

    private static void refused(HttpResult answer, String param, String pan) {
        assertInvalidRequest(answer, param);
        assertNotEchoed(answer, pan);
    }

    /** Not even with its separators removed: every digit the answer holds, in order, never contains the number. */
    private static void assertNotEchoed(HttpResult answer, String pan) {
        String digits = answer.body().replaceAll("[^0-9]", "");
        assertFalse(digits.contains(pan), () -> "the answer repeats the card number: " + answer.describe());
        assertFalse(answer.body().contains(pan.substring(0, 4) + "."), answer::describe);
    }

    private ObjectNode payment() {
        return Payments.card(Payments.SUCCESS, CVV);
    }

    private static ObjectNode session() {
        return Json.object().put("amount", 2500).put("currency", "USD").put("description", "Plan");
    }

    private static String grouped(String pan, String separator) {
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < pan.length(); i += 4) {
            if (i > 0) {
                written.append(separator);
            }
            written.append(pan, i, Math.min(i + 4, pan.length()));
        }
        return written.toString();
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
