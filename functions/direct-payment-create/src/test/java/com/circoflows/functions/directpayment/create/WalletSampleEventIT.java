package com.circoflows.functions.directpayment.create;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.payment.PaymentMethod;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** events/direct-payment-create/google-pay.json through CreateDirectPaymentHandler, as events/README.md says it answers. */
@ExtendWith(HandlerStackExtension.class)
class WalletSampleEventIT {
    private static final String FUNCTION = "CreateDirectPaymentFunction";

    private static HandlerStack stack;
    private static CreateDirectPaymentHandler handler;
    private static NewMerchant merchant;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        merchant = stack.merchants().newMerchant("Wallet sample merchant");
        handler = stack.functions().construct(FUNCTION, CreateDirectPaymentHandler.class, CreateDirectPaymentHandler::new);
    }

    @Test
    void theGooglePaySampleAsShippedIs400InvalidPaymentTokenUntilAMintedTokenReplacesThePlaceholder() {
        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION,
                withApiKey(event("direct-payment-create/google-pay.json"), merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("invalid_payment_token", json(response).get("error").get("code").asText());
        assertEquals("payment_token", json(response).get("error").get("param").asText());
    }

    @Test
    void theGooglePaySampleWithAMintedTokenCompletesAndStoresTheWalletAndLast4Only() {
        String token = new TestWalletTokens(Clock.systemUTC()).mint(new TestWalletTokens.Mint(Wallet.GOOGLE_PAY,
                merchant.merchantId(), CardNumber.parse("4242424242424242"), new CardExpiry(12, 2030),
                AuthMethod.CRYPTOGRAM_3DS, null));

        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION, withApiKey(
                withJsonField(event("direct-payment-create/google-pay.json"), "payment_token", token), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertEquals("completed", data.get("status").asText());
        Transaction stored = stack.payments().storedTransaction(data.get("transaction_id").asText());
        assertEquals(PaymentMethod.GOOGLE_PAY, stored.paymentMethod());
        assertEquals("4242", stored.card().last4());
        assertFalse(stack.payments().rawTransactionItem(data.get("transaction_id").asText()).toString()
                .contains("4242424242424242"), "no DPAN in the stored item");
        assertEquals("google_pay", stack.payments().rawTransactionItem(data.get("transaction_id").asText())
                .get("card_wallet").s());
    }
}
