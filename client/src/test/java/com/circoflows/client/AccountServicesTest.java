package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.model.ApiKey;
import com.circoflows.client.model.ApiKeyCreateParams;
import com.circoflows.client.model.AssignBankCreditParams;
import com.circoflows.client.model.BankCredit;
import com.circoflows.client.model.Branding;
import com.circoflows.client.model.BrandingParams;
import com.circoflows.client.model.Health;
import com.circoflows.client.model.ListParams;
import com.circoflows.client.model.TestCredit;
import com.circoflows.client.model.TestFundParams;
import com.circoflows.client.model.TestWalletToken;
import com.circoflows.client.model.TestWalletTokenParams;
import com.circoflows.client.model.WebhookEndpoint;
import com.circoflows.client.model.WebhookEventSummary;
import com.circoflows.client.model.WebhookSecretRotation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook endpoint, API keys, bank credits, test helpers, branding and health; answers from docs/openapi.yaml. */
class AccountServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELD_CREDIT = "{\"credit_id\":\"bcr_gwRn5KLoQTzHLipH9lF8S4UN\",\"bank_reference\":"
            + "\"TEST-6w7j3UH4h3ee5rK0WLSZQMUI#excess\",\"amount\":500,\"currency\":\"EUR\",\"status\":\"held\","
            + "\"held_reason\":\"excess\",\"reference\":\"RF41 3949 2688 0\",\"payer_name\":\"Test Payer\","
            + "\"received_at\":\"2026-12-06T18:17:40Z\",\"transaction_id\":\"txn_ph5QJi0Kp24MKNqzAaeeqKCE\","
            + "\"livemode\":false}";
    private static final String KEY = "{\"key_id\":\"key_zdhA3X8l0BpQZUal\",\"prefix\":\"cf_test_zdhA…\",\"name\":"
            + "\"checkout servers\",\"mode\":\"test\",\"status\":\"revoked\",\"created_at\":\"2026-12-04T16:54:14Z\","
            + "\"last_used_at\":null,\"revoked_at\":\"2026-12-04T16:54:16Z\"}";

    private FakeApi api;
    private CircoFlowsClient client;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
        client = api.client().build();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theWebhookEndpointIsSetByPutWithAnIdempotencyKey() throws Exception {
        api.answer(200, "{\"success\":true,\"message\":\"Webhook endpoint created\",\"data\":{\"url\":"
                + "\"https://shop.example/webhooks\",\"status\":\"enabled\",\"secret\":\"whsec_abc=\"}}");

        WebhookEndpoint endpoint = client.webhookEndpoint().set("https://shop.example/webhooks",
                RequestOptions.idempotencyKey("endpoint-1"));

        FakeApi.Recorded sent = api.requests().get(0);
        assertEquals("PUT", sent.method());
        assertEquals("/api/webhook-endpoint", sent.pathAndQuery());
        assertEquals("endpoint-1", sent.header("Idempotency-Key"));
        assertEquals(JSON.readTree("{\"url\":\"https://shop.example/webhooks\"}"), JSON.readTree(sent.body()));
        assertEquals("whsec_abc=", endpoint.getSecret());
        assertFalse(endpoint.toString().contains("whsec_"));
    }

    @Test
    void aPutThatFailedWith500IsRetriedWithTheSameKey() {
        api.answer(500, Answers.SERVER_ERROR).answer(200, "{\"success\":true,\"data\":{\"url\":\"https://a.example\","
                + "\"status\":\"enabled\"}}");

        client.webhookEndpoint().set("https://a.example");

        assertEquals(2, api.requests().size());
        assertNotNull(api.requests().get(0).header("Idempotency-Key"));
        assertEquals(api.requests().get(0).header("Idempotency-Key"), api.requests().get(1).header("Idempotency-Key"));
    }

    @Test
    void theSecretIsRotatedThePreviousExpiredAndATestEventSentByPost() {
        api.answer(200, "{\"success\":true,\"message\":\"Signing secret rotated.\",\"data\":{\"secret\":"
                + "\"whsec_6/+paEdKamP8/PTe69TDTyWF6r2waWRBhIUijM0HyMQ=\",\"previous_secret_expires_at\":"
                + "\"2026-12-05T16:53:57Z\"}}")
                .answer(200, "{\"success\":true,\"message\":\"Previous signing secret expired\",\"data\":"
                        + "{\"previous_secret_expired\":true}}")
                .answer(200, "{\"success\":true,\"message\":\"Test event sent\",\"data\":{\"event_id\":"
                        + "\"evt_1\",\"type\":\"webhook.test\",\"created_at\":\"2026-12-04T16:53:57Z\","
                        + "\"transaction_id\":null,\"delivery_status\":\"pending\",\"attempt_count\":0,"
                        + "\"webhook_queued\":true}}");

        WebhookSecretRotation rotation = client.webhookEndpoint().rotateSecret();
        boolean expired = client.webhookEndpoint().expirePreviousSecret();
        WebhookEventSummary test = client.webhookEndpoint().sendTestEvent();

        assertEquals(Instant.parse("2026-12-05T16:53:57Z"), rotation.getPreviousSecretExpiresAt());
        assertTrue(expired);
        assertEquals(Boolean.TRUE, test.getWebhookQueued());
        assertNull(test.getTransactionId());
        String[] paths = {"/api/webhook-endpoint/rotate-secret", "/api/webhook-endpoint/expire-previous-secret",
                "/api/webhook-endpoint/test"};
        for (int i = 0; i < paths.length; i++) {
            assertEquals("POST", api.requests().get(i).method());
            assertEquals(paths[i], api.requests().get(i).pathAndQuery());
            assertNotNull(api.requests().get(i).header("Idempotency-Key"));
        }
    }

    @Test
    void anApiKeyIsCreatedByPostAndRevokedByDeleteWithoutAnIdempotencyKey() throws Exception {
        api.answer(201, "{\"success\":true,\"message\":\"API key created\",\"data\":{\"key_id\":\"key_zdhA3X8l0BpQZUal\","
                + "\"prefix\":\"cf_test_zdhA…\",\"name\":\"checkout servers\",\"mode\":\"test\",\"status\":\"active\","
                + "\"created_at\":\"2026-12-04T16:54:14Z\",\"last_used_at\":null,\"revoked_at\":null,\"api_key\":"
                + "\"cf_test_zdhAsecretsecretsecretsecretsecretsecretsecret\"}}")
                .answer(200, "{\"success\":true,\"data\":" + KEY + "}")
                .answer(200, "{\"success\":true,\"data\":" + KEY + "}");

        ApiKey created = client.apiKeys().create(ApiKeyCreateParams.named("checkout servers"));
        ApiKey revoked = client.apiKeys().revoke("key_zdhA3X8l0BpQZUal");
        client.apiKeys().revoke("key_zdhA3X8l0BpQZUal", true);

        assertEquals("POST", api.requests().get(0).method());
        assertEquals(JSON.readTree("{\"name\":\"checkout servers\"}"), JSON.readTree(api.requests().get(0).body()));
        assertNotNull(api.requests().get(0).header("Idempotency-Key"));
        assertTrue(created.getApiKey().startsWith("cf_test_"));
        assertFalse(created.toString().contains(created.getApiKey()));
        FakeApi.Recorded delete = api.requests().get(1);
        assertEquals("DELETE", delete.method());
        assertEquals("/api/keys/key_zdhA3X8l0BpQZUal", delete.pathAndQuery());
        assertNull(delete.header("Idempotency-Key"));
        assertEquals("revoked", revoked.getStatus());
        assertEquals(Instant.parse("2026-12-04T16:54:16Z"), revoked.getRevokedAt());
        assertEquals("/api/keys/key_zdhA3X8l0BpQZUal?confirm_last_key=true", api.requests().get(2).pathAndQuery());
    }

    @Test
    void theLastActiveKeyRefusalIsTypedAndNotRetried() {
        api.answer(409, "{\"success\":false,\"error\":{\"code\":\"last_active_key\",\"message\":\"This is the last "
                + "active test API key of this account.\",\"type\":\"invalid_request_error\"}}");

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> client.apiKeys().revoke("key_zdhA3X8l0BpQZUal"));

        assertEquals("last_active_key", refused.getCode());
        assertEquals(1, api.requests().size());
    }

    @Test
    void apiKeysAreListedOnePageAtATime() {
        api.answer(200, "{\"success\":true,\"data\":{\"keys\":[" + KEY + "],\"has_more\":false,\"next_cursor\":null}}");

        Page<ApiKey> page = client.apiKeys().list(ListParams.limit(5));

        assertEquals("/api/keys?limit=5", api.requests().get(0).pathAndQuery());
        assertEquals("key_zdhA3X8l0BpQZUal", page.getData().get(0).getKeyId());
        assertFalse(page.hasMore());
    }

    @Test
    void heldCreditsAreListedAssignedAndReturned() throws Exception {
        String assigned = HELD_CREDIT.replace("\"status\":\"held\",\"held_reason\":\"excess\",", "\"status\":\"applied\",");
        api.answer(200, "{\"success\":true,\"data\":{\"credits\":[" + HELD_CREDIT + "],\"has_more\":false,"
                + "\"next_cursor\":null}}")
                .answer(200, "{\"success\":true,\"data\":" + assigned + "}")
                .answer(200, "{\"success\":true,\"data\":" + HELD_CREDIT.replace("\"held\"", "\"returned\"") + "}");

        BankCredit held = client.bankCredits().list(ListParams.none()).getData().get(0);
        BankCredit applied = client.bankCredits().assign(held.getCreditId(),
                AssignBankCreditParams.toPayment("txn_3mVqzSncMHBhMVv3f3XRV6T4"), RequestOptions.idempotencyKey("a-1"));
        BankCredit returned = client.bankCredits().returnToPayer("bcr_gwRn5KLoQTzHLipH9lF8S4UN");

        assertEquals("GET", api.requests().get(0).method());
        assertEquals("/api/bank-credits", api.requests().get(0).pathAndQuery());
        assertEquals("excess", held.getHeldReason());
        assertEquals(500L, held.getAmount());
        FakeApi.Recorded assign = api.requests().get(1);
        assertEquals("POST", assign.method());
        assertEquals("/api/bank-credits/bcr_gwRn5KLoQTzHLipH9lF8S4UN/assign", assign.pathAndQuery());
        assertEquals("a-1", assign.header("Idempotency-Key"));
        assertEquals(JSON.readTree("{\"transaction_id\":\"txn_3mVqzSncMHBhMVv3f3XRV6T4\"}"), JSON.readTree(assign.body()));
        assertEquals("applied", applied.getStatus());
        assertEquals("/api/bank-credits/bcr_gwRn5KLoQTzHLipH9lF8S4UN/return", api.requests().get(2).pathAndQuery());
        assertNotNull(api.requests().get(2).header("Idempotency-Key"));
        assertEquals("returned", returned.getStatus());
    }

    @Test
    void aTestWalletTokenIsMintedAndUsableAsPaymentTokenText() throws Exception {
        api.answer(201, "{\"success\":true,\"message\":\"Test wallet token minted\",\"data\":{\"wallet\":\"apple_pay\","
                + "\"auth_method\":\"CRYPTOGRAM_3DS\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\"},\"payment_token\":"
                + "{\"version\":\"EC_v1\",\"data\":\"0Hg5\",\"signature\":\"MIIH\",\"header\":{\"transactionId\":\"9d1c\"}}}}");

        TestWalletTokenParams params = TestWalletTokenParams.applePay("4242424242424242").amount(1500, "EUR").build();
        TestWalletToken token = client.testHelpers().mintWalletToken(params);

        FakeApi.Recorded sent = api.requests().get(0);
        assertEquals("/api/test/wallet-tokens", sent.pathAndQuery());
        assertNotNull(sent.header("Idempotency-Key"));
        assertEquals(JSON.readTree("{\"wallet\":\"apple_pay\",\"card_number\":\"4242424242424242\",\"amount\":1500,"
                + "\"currency\":\"EUR\"}"), JSON.readTree(sent.body()));
        assertFalse(params.toString().contains("4242424242424242"));
        assertEquals("4242", token.getCard().getLast4());
        assertEquals("EC_v1", JSON.readTree(token.getPaymentToken()).get("version").asText());
    }

    @Test
    void aTestBankTransferIsFundedByPostToItsPath() throws Exception {
        api.answer(202, "{\"success\":true,\"message\":\"Test credit sent to the bank credit feed\",\"data\":{"
                + "\"transaction_id\":\"txn_umQiItTWgpBNyNjKAC0lpKMx\",\"credit_id\":\"bcr_O8ztX6ApF1UQFEy5ZqqMaYpN\","
                + "\"bank_reference\":\"TEST-JN2LUyOrjLCjlanQrzF49Nj3\",\"amount\":10000,\"currency\":\"EUR\","
                + "\"reference\":\"RF63 1243 6438 4\",\"virtual_account\":\"DE62000170001243643843\",\"payer_name\":"
                + "\"Test Payer\",\"received_at\":\"2026-12-06T17:22:13Z\",\"deliveries\":1}}");

        TestCredit credit = client.testHelpers().fundBankTransfer("txn_umQiItTWgpBNyNjKAC0lpKMx",
                TestFundParams.amount(10000).withReference("RF_TEST_UNMATCHED"));

        FakeApi.Recorded sent = api.requests().get(0);
        assertEquals("POST", sent.method());
        assertEquals("/api/test/bank-transfers/txn_umQiItTWgpBNyNjKAC0lpKMx/fund", sent.pathAndQuery());
        assertNotNull(sent.header("Idempotency-Key"));
        assertEquals(JSON.readTree("{\"amount\":10000,\"reference\":\"RF_TEST_UNMATCHED\"}"), JSON.readTree(sent.body()));
        assertEquals("bcr_O8ztX6ApF1UQFEy5ZqqMaYpN", credit.getCreditId());
        assertEquals(1, credit.getDeliveries());
    }

    @Test
    void brandingIsPutWithAnExplicitNullLogoOnlyWhenRemovingIt() throws Exception {
        String saved = "{\"success\":true,\"data\":{\"display_name\":\"Acme Coffee\",\"brand_color\":\"#d97706\","
                + "\"accent_color\":\"#1f4fd1\",\"button_style\":\"pill\",\"button_text_color\":\"#111111\","
                + "\"logo\":{\"id\":\"ab\",\"content_type\":\"image/png\",\"width\":120,\"height\":40},\"version\":1}}";
        api.answer(200, saved).answer(200, saved).answer(200, saved);

        Branding branding = client.branding().update(BrandingParams.builder().displayName("Acme Coffee")
                .brandColor("#D97706").buttonStyle("pill").version(0).build());
        client.branding().update(BrandingParams.builder().removeLogo().build());
        client.branding().retrieve();

        FakeApi.Recorded put = api.requests().get(0);
        assertEquals("PUT", put.method());
        assertEquals("/api/branding", put.pathAndQuery());
        assertNotNull(put.header("Idempotency-Key"));
        assertEquals(JSON.readTree("{\"display_name\":\"Acme Coffee\",\"brand_color\":\"#D97706\",\"button_style\":"
                + "\"pill\",\"version\":0}"), JSON.readTree(put.body()));
        assertEquals(JSON.readTree("{\"logo\":null}"), JSON.readTree(api.requests().get(1).body()));
        assertEquals("GET", api.requests().get(2).method());
        assertNull(api.requests().get(2).header("Idempotency-Key"));
        assertEquals("#111111", branding.getButtonTextColor());
        assertEquals(120, branding.getLogo().getWidth());
        assertEquals(1L, branding.getVersion());
    }

    @Test
    void healthSaysWhoseKeyItIs() {
        api.answer(200, "{\"success\":true,\"message\":\"API is operational\",\"data\":{\"status\":\"ok\",\"version\":"
                + "\"2.0.0\",\"merchant_id\":\"mch_pgmRPg8rouc5HyyOxQVW\",\"mode\":\"test\",\"time\":"
                + "\"2026-12-04T16:52:53Z\"}}");

        Health health = client.health().check();

        assertEquals("GET", api.requests().get(0).method());
        assertEquals("/api/health", api.requests().get(0).pathAndQuery());
        assertEquals("Bearer cf_test_fakefakefakefake", api.requests().get(0).header("Authorization"));
        assertEquals("mch_pgmRPg8rouc5HyyOxQVW", health.getMerchantId());
        assertEquals("test", health.getMode());
        assertEquals(Instant.parse("2026-12-04T16:52:53Z"), health.getTime());
    }
}
