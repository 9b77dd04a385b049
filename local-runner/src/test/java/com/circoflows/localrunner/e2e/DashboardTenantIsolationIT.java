package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A person of merchant A, signed in to the dashboard, tampers with URLs to reach merchant B's objects:
 * every page of B's answers exactly as a page that does not exist (404, nothing of B's in it), every
 * form post aimed at B's objects is refused and changes nothing B's API sees, and no list or search
 * shows anything of B's.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTenantIsolationIT {
    private static final String EMAIL_OF_B_CUSTOMER = "customer.of.b@tenant-b.example";
    private static final String ORDER_OF_B = "b-order-5521";
    private final E2e e2e;
    private WebhookReceiver receiver;
    private DashboardUser personOfA;
    private DashboardUser ownerOfB;
    private Api apiOfB;
    private String paymentOfB;
    private String authorizedOfB;
    private String sessionOfB;
    private String eventOfB;
    private String keyOfB;
    private String userOfB;
    private final List<String> secretsOfB = new ArrayList<>();

    DashboardTenantIsolationIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void merchantBOwnsOneOfEverything() {
        receiver = WebhookReceiver.start().answer(Answering.always(204));
        personOfA = DashboardUser.signUp(e2e, "Tenant A Tea");
        ownerOfB = DashboardUser.signUp(e2e, "Tenant B Books");
        apiOfB = e2e.api(ownerOfB.firstApiKey());
        ObjectNode paid = Payments.card(Payments.SUCCESS, "412");
        paid.putObject("customer_info").put("email", EMAIL_OF_B_CUSTOMER);
        paid.putObject("metadata").put("order_id", ORDER_OF_B);
        paymentOfB = data(apiOfB.pay(paid), "transaction_id");
        ObjectNode manual = Payments.card(Payments.SUCCESS, "413");
        manual.put("capture_method", "manual");
        authorizedOfB = data(apiOfB.pay(manual), "transaction_id");
        sessionOfB = data(apiOfB.post("/api/hosted-payment", "{\"amount\":1500,\"currency\":\"EUR\",\"description\":\"Tenant B order\"}"), "session_id");
        assertEquals(200, apiOfB.call("PUT", "/api/webhook-endpoint", "{\"url\":\"" + receiver.url("/b") + "\"}").status());
        eventOfB = data(apiOfB.post("/api/webhook-endpoint/test", ""), "event_id");
        HttpResult keys = apiOfB.get("/api/keys");
        keyOfB = keys.data().path("keys").path(0).path("key_id").asText();
        Matcher user = Pattern.compile("/dashboard/team/(usr_[0-9A-Za-z]+)/role").matcher(ownerOfB.get("/dashboard/team").body());
        assertTrue(user.find(), "B's owner is on B's team page");
        userOfB = user.group(1);
        secretsOfB.addAll(List.of(paymentOfB, authorizedOfB, sessionOfB, eventOfB, keyOfB, userOfB, EMAIL_OF_B_CUSTOMER,
                ORDER_OF_B, ownerOfB.email(), "Tenant B Books"));
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void pagesOfBsObjectsAnswerAsPagesThatDoNotExist() {
        for (String path : List.of("/dashboard/payments/" + paymentOfB, "/dashboard/payments/" + authorizedOfB,
                "/dashboard/sessions/" + sessionOfB, "/dashboard/settings/webhooks/events/" + eventOfB)) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            String unknownId = id.substring(0, id.indexOf('_') + 1) + "0".repeat(id.length() - id.indexOf('_') - 1);
            DashboardUser.Page page = personOfA.get(path);
            DashboardUser.Page unknown = personOfA.get(path.replace(id, unknownId));
            assertEquals(404, page.status(), path);
            assertNothingOfB(page, path);
            assertEquals(stripNonce(unknown.body()).replace(unknownId, "ID"), stripNonce(page.body()).replace(id, "ID"),
                    path + " reads as a page that does not exist");
        }
    }

    @Test
    void formsAimedAtBsObjectsAreRefusedAndChangeNothing() {
        // A's own token for A's own forms: the closest a tampering person gets.
        String tokenOfA = personOfA.get("/dashboard/settings/api-keys").tokenFor("/dashboard/settings/api-keys");
        Map<String, String> posts = Map.of(
                "/dashboard/payments/" + paymentOfB + "/refund", "refund",
                "/dashboard/payments/" + authorizedOfB + "/capture", "capture",
                "/dashboard/payments/" + authorizedOfB + "/cancel", "cancel",
                "/dashboard/sessions/" + sessionOfB + "/cancel", "cancel session",
                "/dashboard/settings/webhooks/events/" + eventOfB + "/redeliver", "redeliver",
                "/dashboard/settings/api-keys/" + keyOfB + "/revoke", "revoke",
                "/dashboard/team/" + userOfB + "/role", "role",
                "/dashboard/team/" + userOfB + "/remove", "remove");
        posts.forEach((path, what) -> {
            DashboardUser.Page page = personOfA.post(path, tokenOfA, Map.of("refund_token", "A".repeat(24),
                    "confirm_last_key", "yes", "role", "viewer"));
            assertTrue(page.status() == 403 || page.status() == 404, () -> what + ": " + page.status());
            assertNothingOfB(page, what);
        });
        assertEquals("completed", data(apiOfB.status(paymentOfB), "status"));
        assertEquals("authorized", data(apiOfB.status(authorizedOfB), "status"));
        assertEquals("pending", data(apiOfB.get("/api/hosted-payment/" + sessionOfB), "status"));
        assertEquals(200, apiOfB.health().status(), "B's key still works");
        assertEquals(200, ownerOfB.get("/dashboard/team").status(), "B's owner is still signed in and an owner");
        assertTrue(ownerOfB.get("/dashboard/team").body().contains("Owner"));
    }

    @Test
    void listsAndSearchesShowNothingOfB() {
        for (String path : List.of("/dashboard/payments", "/dashboard/payments?q=" + EMAIL_OF_B_CUSTOMER,
                "/dashboard/payments?q=4242", "/dashboard/payments?q=order_id:" + ORDER_OF_B,
                "/dashboard/payments?status=authorized", "/dashboard/payments?q=" + paymentOfB, "/dashboard/sessions",
                "/dashboard/settings/webhooks", "/dashboard/settings/api-keys", "/dashboard/team",
                "/dashboard/payments?mode=live", "/dashboard/settings/branding")) {
            DashboardUser.Page page = personOfA.get(path);
            assertTrue(page.status() == 200 || page.status() == 303 || page.status() == 404, () -> path + ": " + page.status());
            assertNothingOfB(page, path);
        }
    }

    @Test
    void bSeesItsOwnObjectsWhereATriedToReachThem() {
        assertEquals(200, ownerOfB.get("/dashboard/payments/" + paymentOfB).status());
        assertTrue(ownerOfB.get("/dashboard/payments?q=" + EMAIL_OF_B_CUSTOMER).body().contains(paymentOfB),
                "the search by email finds B's payment for B");
        assertTrue(ownerOfB.get("/dashboard/payments?q=order_id:" + ORDER_OF_B).body().contains(paymentOfB));
        assertEquals(200, ownerOfB.get("/dashboard/sessions/" + sessionOfB).status());
        assertEquals(200, ownerOfB.get("/dashboard/settings/webhooks/events/" + eventOfB).status());
    }

    /** Nothing of B's, apart from what A typed into the URL itself (a search box shows its search). */
    private void assertNothingOfB(DashboardUser.Page page, String what) {
        for (String secret : secretsOfB) {
            if (!what.contains(secret)) {
                assertFalse(page.body().contains(secret), () -> what + " shows " + secret + " of merchant B");
            }
        }
        assertFalse(page.body().contains("Tenant B Books") || page.body().contains(ownerOfB.email()),
                () -> what + " shows B's name or owner");
    }

    private static String stripNonce(String html) {
        return html.replaceAll("nonce=\"[0-9A-Za-z]+\"", "nonce=\"\"");
    }

    private static String data(HttpResult result, String field) {
        assertTrue(result.status() / 100 == 2, result::describe);
        return result.data().path(field).asText();
    }
}
