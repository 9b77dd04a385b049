package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.domain.wallet.TestModeWallets;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletCard;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Apple Pay and Google Pay over HTTP, as a merchant's test suite would run them: mint a genuine token with
 * POST /api/test/wallet-tokens, pay with it, read the payment. Every token's card and cryptogram go to the
 * card-data scan, which proves neither was kept anywhere.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletPaymentsIT {
    private final E2e e2e;
    private E2e.TestMerchant merchant;
    private Api api;

    WalletPaymentsIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void merchant() {
        merchant = e2e.newMerchant("Wallet Payments Merchant");
        e2e.allowRepeatedTestCards(merchant.merchantId());
        api = merchant.api();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apple_pay", "google_pay"})
    void mintedTokenPaysAndThePaymentShowsTheWalletBrandAndLast4Only(String wallet) {
        JsonNode token = mint(api, wallet, Payments.SUCCESS, null);

        HttpResult paid = api.pay(payment(wallet, token));

        assertEquals(200, paid.status(), paid::describe);
        assertEquals("completed", paid.data().path("status").asText(), paid::describe);
        HttpResult status = api.status(paid.data().path("transaction_id").asText());
        assertEquals(wallet, status.data().path("wallet").asText(), status::describe);
        assertEquals(wallet, status.data().path("payment_method").asText(), status::describe);
        assertEquals("visa", status.data().path("card").path("brand").asText(), status::describe);
        assertEquals("4242", status.data().path("card").path("last4").asText(), status::describe);
        assertFalse(status.body().contains(Payments.SUCCESS), status::describe);
        HttpResult listed = api.get("/api/direct-payment?limit=5&payment_method=" + wallet);
        assertTrue(listed.body().contains(paid.data().path("transaction_id").asText()), listed::describe);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apple_pay", "google_pay"})
    void aTokenPaysOnceAndIsRefusedForAnyOtherPaymentButARetryWithItsKeyGetsTheFirstAnswer(String wallet) {
        JsonNode token = mint(api, wallet, Payments.SUCCESS, null);
        String key = UUID.randomUUID().toString();
        HttpResult first = api.post("/api/direct-payment", Json.write(payment(wallet, token)),
                Map.of("Idempotency-Key", key));
        assertEquals(200, first.status(), first::describe);

        HttpResult retry = api.post("/api/direct-payment", Json.write(payment(wallet, token)),
                Map.of("Idempotency-Key", key));
        HttpResult replay = api.pay(payment(wallet, token));

        assertEquals(first.body(), retry.body(), "the retry is answered the first answer");
        assertError(replay, 400, "invalid_payment_token", "invalid_request_error", null, "payment_token");
    }

    @Test
    void googlePayPanOnlyCardOfTheThreeDSecureTestCardNeedsTheChallengeAndADeviceTokenDoesNot() {
        HttpResult panOnly = api.pay(payment("google_pay", mint(api, "google_pay", Payments.THREE_D_SECURE, "PAN_ONLY")));
        HttpResult deviceToken = api.pay(payment("google_pay",
                mint(api, "google_pay", Payments.THREE_D_SECURE, "CRYPTOGRAM_3DS")));

        assertEquals(202, panOnly.status(), panOnly::describe);
        assertEquals("3ds_authentication", panOnly.data().path("action_type").asText(), panOnly::describe);
        assertEquals(200, deviceToken.status(), deviceToken::describe);
    }

    @Test
    void theDeclinedTestCardInATokenIsDeclinedLikeTheCard() {
        HttpResult declined = api.pay(payment("apple_pay", mint(api, "apple_pay", Payments.DECLINED, null)));

        assertEquals(400, declined.status(), declined::describe);
        assertEquals("card_declined", declined.error().path("code").asText(), declined::describe);
    }

    @Test
    void aTamperedTokenIsInvalidAndChargesNothing() {
        JsonNode token = mint(api, "apple_pay", Payments.SUCCESS, null);
        ObjectNode tampered = token.deepCopy();
        String data = token.path("data").asText();
        tampered.put("data", (data.charAt(0) == 'A' ? "B" : "A") + data.substring(1));

        HttpResult refused = api.pay(payment("apple_pay", tampered));

        assertError(refused, 400, "invalid_payment_token", "invalid_request_error", null, "payment_token");
        assertFalse(refused.body().contains("transaction_id"), refused::describe);
    }

    @Test
    void aGooglePayTokenMintedForAnotherMerchantIsRefused() {
        E2e.TestMerchant other = e2e.newMerchant("Wallet Token Thief");
        JsonNode token = mint(merchant.api(), "google_pay", Payments.SUCCESS, null);

        HttpResult refused = other.api().pay(payment("google_pay", token));

        assertError(refused, 400, "invalid_payment_token", "invalid_request_error", null, "payment_token");
    }

    @Test
    void liveKeysMayNotMintTestTokens() {
        Api live = e2e.api(e2e.issueKey(merchant.merchantId(), Mode.LIVE));

        HttpResult refused = live.post("/api/test/wallet-tokens",
                Json.object().put("wallet", "google_pay").put("card_number", SentCardData.pan(Payments.SUCCESS)));

        assertError(refused, 403, "test_mode_only", "invalid_request_error", null, null);
    }

    /** Mints a token and hands its card and cryptogram to the card-data scan. */
    private JsonNode mint(Api caller, String wallet, String card, String authMethod) {
        ObjectNode body = Json.object().put("wallet", wallet).put("card_number", SentCardData.pan(card));
        if (authMethod != null) {
            body.put("auth_method", authMethod);
        }
        HttpResult minted = caller.post("/api/test/wallet-tokens", body);
        assertEquals(201, minted.status(), minted::describe);
        assertFalse(minted.body().contains(card), minted::describe);
        JsonNode token = minted.data().path("payment_token");
        rememberCryptogram(wallet, token);
        return token;
    }

    private void rememberCryptogram(String wallet, JsonNode token) {
        try {
            WalletCard card = TestModeWallets.keyring(Clock.systemUTC()).opener(Wallet.fromWireName(wallet).orElseThrow())
                    .orElseThrow().open(token.isTextual() ? token.asText() : Json.write(token), merchant.merchantId());
            if (card.cryptogram() != null) {
                SentCardData.cryptogram(card.cryptogram().value());
            }
        } catch (InvalidPaymentToken e) {
            // Minted for another merchant in one test: its cryptogram is scanned through the others'.
        }
    }

    private static ObjectNode payment(String wallet, JsonNode token) {
        ObjectNode body = Json.object().put("amount", 1000).put("currency", "USD").put("payment_method", wallet);
        body.set("payment_token", token);
        return body;
    }
}
