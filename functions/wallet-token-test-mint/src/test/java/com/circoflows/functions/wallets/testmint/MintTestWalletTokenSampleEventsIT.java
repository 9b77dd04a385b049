package com.circoflows.functions.wallets.testmint;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.wallet.TestModeWallets;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletCard;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MintTestWalletTokenHandler as Lambda runs it, fed events/wallet-token-test-mint/*.json. */
@ExtendWith(HandlerStackExtension.class)
class MintTestWalletTokenSampleEventsIT {
    private static final String FUNCTION = "MintTestWalletTokenFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static NewMerchant merchant;
    private static MintTestWalletTokenHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        merchant = stack.merchants().newMerchant("Test wallet sample merchant");
        handler = stack.functions().construct(FUNCTION, MintTestWalletTokenHandler.class,
                MintTestWalletTokenHandler::new);
    }

    @Test
    void theGooglePaySampleMintsATokenThatOpensWithTestModesKeysToTheCardForThisMerchantOnly() throws Exception {
        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("wallet-token-test-mint/google-pay.json"),
                merchant.apiKey()));

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertFalse(response.getBody().contains("4242424242424242"), "the answer never holds the card number");
        JsonNode data = json(response).get("data");
        assertEquals("google_pay", data.get("wallet").asText());
        assertEquals("CRYPTOGRAM_3DS", data.get("auth_method").asText());
        assertEquals("4242", data.get("card").get("last4").asText());
        assertTrue(data.get("payment_token").isTextual(), "Google Pay's token is a JSON string");
        WalletCard opened = TestModeWallets.keyring(Clock.systemUTC()).opener(Wallet.GOOGLE_PAY).orElseThrow()
                .open(data.get("payment_token").asText(), merchant.merchantId());
        assertEquals("4242", opened.number().last4());
        assertTrue(opened.cryptogram() != null);
    }

    @Test
    void theApplePaySampleMintsPaymentDataAsAnObjectThatOpensWithTestModesKeys() throws Exception {
        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("wallet-token-test-mint/apple-pay.json"),
                merchant.apiKey()));

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertFalse(response.getBody().contains("4242424242424242"), "the answer never holds the card number");
        JsonNode token = json(response).get("data").get("payment_token");
        assertTrue(token.isObject(), "Apple Pay's paymentData is a JSON object");
        assertEquals("EC_v1", token.get("version").asText());
        WalletCard opened = TestModeWallets.keyring(Clock.systemUTC()).opener(Wallet.APPLE_PAY).orElseThrow()
                .open(token.toString(), merchant.merchantId());
        assertEquals("4242", opened.number().last4());
    }

    @Test
    void theUnknownWalletSampleIs400NamingTheWallet() {
        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("wallet-token-test-mint/unknown-wallet.json"),
                merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("wallet", json(response).get("error").get("param").asText());
    }

    @Test
    void aLiveKeyIsRefusedWithTestModeOnly() {
        String liveKey = stack.merchants().issueKey(merchant.merchantId(), Mode.LIVE).fullKey();

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("wallet-token-test-mint/google-pay.json"), liveKey));

        assertEquals(403, response.getStatusCode(), response.getBody());
        assertEquals("test_mode_only", json(response).get("error").get("code").asText());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
