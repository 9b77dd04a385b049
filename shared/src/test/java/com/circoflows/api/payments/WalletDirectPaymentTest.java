package com.circoflows.api.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentMethod;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.json.Json;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.BankTransferWorld;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.Responses;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** POST /api/direct-payment with wallet tokens minted by test mode's wallets, through the real opening. */
@Isolated
class WalletDirectPaymentTest {
    private final PaymentWorld world = PaymentWorld.create();
    private final TestWalletTokens mint = new TestWalletTokens(world.clock);
    private final CreateDirectPaymentEndpoint endpoint = new CreateDirectPaymentEndpoint(
            new DirectPaymentRequestParser(new MerchantUrlPolicy(false), world.clock), world.payments,
            new BankTransferWorld().payments, world.wallets, new PublicUrls(Optional.of("https://pay.circoflows.test")));

    @Test
    void deviceTokenPaymentCompletesAndShowsTheWalletBrandAndLast4Only() {
        String token = googlePay(TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS, PaymentWorld.MERCHANT_A);
        ApiResponse response;
        try (CapturedLog log = CapturedLog.start()) {
            response = pay(body("google_pay", token), PaymentWorld.MERCHANT_A);
            assertFalse(log.text().contains(TestCards.SUCCESS), "no DPAN in the logs");
        }

        assertEquals(200, response.statusCode());
        assertEquals("completed", Responses.data(response).get("status"));
        Transaction stored = world.transactions.all().get(0);
        assertEquals(PaymentMethod.GOOGLE_PAY, stored.paymentMethod());
        Map<String, Object> view = TransactionView.of(stored);
        assertEquals("google_pay", view.get("wallet"));
        assertEquals("google_pay", view.get("payment_method"));
        @SuppressWarnings("unchecked")
        Map<String, Object> card = (Map<String, Object>) view.get("card");
        assertEquals("visa", card.get("brand"));
        assertEquals("4242", card.get("last4"));
        assertFalse(Json.write(view).contains(TestCards.SUCCESS), "no DPAN in the transaction");
    }

    @Test
    void panOnlyTokenOfTheThreeDSecureCardNeedsTheChallengeLikeATypedCard() {
        ApiResponse response = pay(body("google_pay",
                googlePay(TestCards.THREE_D_SECURE_REQUIRED, AuthMethod.PAN_ONLY, PaymentWorld.MERCHANT_A)),
                PaymentWorld.MERCHANT_A);

        assertEquals(202, response.statusCode());
        assertEquals("3ds_authentication", Responses.data(response).get("action_type"));
    }

    @Test
    void cryptogramTokenOfTheThreeDSecureCardNeedsNoChallenge() {
        ApiResponse response = pay(body("google_pay",
                googlePay(TestCards.THREE_D_SECURE_REQUIRED, AuthMethod.CRYPTOGRAM_3DS, PaymentWorld.MERCHANT_A)),
                PaymentWorld.MERCHANT_A);

        assertEquals(200, response.statusCode());
        assertEquals("completed", Responses.data(response).get("status"));
    }

    @Test
    void declinedTestCardInATokenIsDeclinedLikeTheCard() {
        ApiResponse response = respond(body("google_pay",
                googlePay(TestCards.DECLINED, AuthMethod.CRYPTOGRAM_3DS, PaymentWorld.MERCHANT_A)),
                PaymentWorld.MERCHANT_A);

        assertEquals(400, response.statusCode());
        assertEquals("card_declined", Responses.error(response).get("code"));
    }

    @Test
    void replayedTokenIsRefusedForASecondPaymentButARetryOfTheSameOnePasses() {
        String token = googlePay(TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS, PaymentWorld.MERCHANT_A);
        assertEquals(200, pay(body("google_pay", token), PaymentWorld.MERCHANT_A).statusCode());
        String firstId = world.transactions.all().get(0).transactionId();

        ApiResponse replay = respond(body("google_pay", token), PaymentWorld.MERCHANT_A);

        assertEquals(400, replay.statusCode());
        assertEquals("invalid_payment_token", Responses.error(replay).get("code"));
        assertEquals("payment_token", Responses.error(replay).get("param"));
        assertEquals(1, world.transactions.all().size(), "the replay charged nothing");
        // A retry of the first request (its Idempotency-Key gives it the same transaction id) may redeem it again.
        assertEquals("4242", world.walletTokens.redeem(Mode.TEST, PaymentWorld.MERCHANT_A.merchantId(),
                Wallet.GOOGLE_PAY, token, firstId).number().last4());
    }

    @Test
    void tamperedTokenIs400InvalidPaymentTokenAndNothingIsStored() {
        String token = googlePay(TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS, PaymentWorld.MERCHANT_A);
        int field = token.indexOf("encryptedMessage");
        assertTrue(field > 0);
        int at = field + 30; // inside the ciphertext's base64
        char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, at) + flipped + token.substring(at + 1);

        ApiResponse response = respond(body("google_pay", tampered), PaymentWorld.MERCHANT_A);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_payment_token", Responses.error(response).get("code"));
        assertTrue(world.transactions.all().isEmpty());
        assertEquals(0, world.walletClaims.size(), "a token that did not open is not claimed");
    }

    @Test
    void tokenMintedForAnotherMerchantIsRefused() {
        String token = googlePay(TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS, PaymentWorld.MERCHANT_B);

        ApiResponse response = respond(body("google_pay", token), PaymentWorld.MERCHANT_A);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_payment_token", Responses.error(response).get("code"));
    }

    @Test
    void tokenNotJsonIs400InvalidPaymentToken() {
        ApiResponse response = respond(body("google_pay", "not a token"), PaymentWorld.MERCHANT_A);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_payment_token", Responses.error(response).get("code"));
    }

    @Test
    void cardFieldsBesideATokenAreRefused() {
        Map<String, Object> body = new LinkedHashMap<>(Json.readMap(body("google_pay", "x")));
        body.put("cvv", "123");

        ApiResponse response = respond(Json.write(body), PaymentWorld.MERCHANT_A);

        assertEquals(400, response.statusCode());
        assertEquals("cvv", Responses.error(response).get("param"));
    }

    @Test
    void liveKeyIsRefusedBeforeTheTokenIsUsedUp() {
        AuthenticatedKey live = new AuthenticatedKey("KeyLLLLLLLLLLLLL", PaymentWorld.MERCHANT_A.merchantId(), Mode.LIVE);
        String token = googlePay(TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS, PaymentWorld.MERCHANT_A);

        ApiException e = assertThrows(ApiException.class, () -> pay(body("google_pay", token), live));

        assertEquals(ErrorCode.LIVE_MODE_NOT_ENABLED, e.code());
        assertEquals(0, world.walletClaims.size());
    }

    @Test
    void expiredDeviceCardIs400ExpiredCard() {
        String token = mint.mint(new TestWalletTokens.Mint(Wallet.GOOGLE_PAY, PaymentWorld.MERCHANT_A.merchantId(),
                CardNumber.parse(TestCards.SUCCESS), new CardExpiry(1, 2020), AuthMethod.CRYPTOGRAM_3DS, null));

        ApiResponse response = respond(body("google_pay", token), PaymentWorld.MERCHANT_A);

        assertEquals(400, response.statusCode());
        assertEquals("expired_card", Responses.error(response).get("code"));
        assertNull(Responses.error(response).get("transaction_id"));
    }

    @Test
    void applePayTokenAsTheObjectApplePayGivesCompletesWithTheDeviceCardsLast4() {
        String token = applePay(TestCards.SUCCESS);
        ApiResponse response;
        try (CapturedLog log = CapturedLog.start()) {
            response = pay(body("apple_pay", Json.readMap(token)), PaymentWorld.MERCHANT_A);
            assertFalse(log.text().contains(TestCards.SUCCESS), "no DPAN in the logs");
        }

        assertEquals(200, response.statusCode());
        Map<String, Object> view = TransactionView.of(world.transactions.all().get(0));
        assertEquals("apple_pay", view.get("wallet"));
        assertEquals("apple_pay", view.get("payment_method"));
    }

    @Test
    void applePayTokenOfTheThreeDSecureCardNeedsNoChallenge() {
        ApiResponse response = pay(body("apple_pay", applePay(TestCards.THREE_D_SECURE_REQUIRED)),
                PaymentWorld.MERCHANT_A);

        assertEquals(200, response.statusCode());
    }

    @Test
    void replayedApplePayTokenIsRefused() {
        String token = applePay(TestCards.SUCCESS);
        assertEquals(200, pay(body("apple_pay", token), PaymentWorld.MERCHANT_A).statusCode());

        ApiResponse replay = respond(body("apple_pay", token), PaymentWorld.MERCHANT_A);

        assertEquals(400, replay.statusCode());
        assertEquals("invalid_payment_token", Responses.error(replay).get("code"));
    }

    @Test
    void applePayTokenSignedLongerAgoThanTheToleranceIsRefused() {
        String token = new TestWalletTokens(Clock.offset(world.clock, Duration.ofMinutes(-6))).mint(
                new TestWalletTokens.Mint(Wallet.APPLE_PAY, PaymentWorld.MERCHANT_A.merchantId(),
                        CardNumber.parse(TestCards.SUCCESS), new CardExpiry(12, 2030), AuthMethod.CRYPTOGRAM_3DS, null));

        ApiResponse response = respond(body("apple_pay", token), PaymentWorld.MERCHANT_A);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_payment_token", Responses.error(response).get("code"));
    }

    @Test
    void googlePayTokenSentAsApplePayIsRefused() {
        ApiResponse response = respond(body("apple_pay",
                googlePay(TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS, PaymentWorld.MERCHANT_A)), PaymentWorld.MERCHANT_A);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_payment_token", Responses.error(response).get("code"));
    }

    private String applePay(String card) {
        return mint.mint(new TestWalletTokens.Mint(Wallet.APPLE_PAY, PaymentWorld.MERCHANT_A.merchantId(),
                CardNumber.parse(card), new CardExpiry(12, 2030), AuthMethod.CRYPTOGRAM_3DS, null));
    }

    private String googlePay(String card, AuthMethod method, AuthenticatedKey merchant) {
        return mint.mint(new TestWalletTokens.Mint(Wallet.GOOGLE_PAY, merchant.merchantId(), CardNumber.parse(card),
                new CardExpiry(12, 2030), method, null));
    }

    private static String body(String wallet, Object token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", 1000);
        body.put("currency", "USD");
        body.put("payment_method", wallet);
        body.put("payment_token", token);
        return Json.write(body);
    }

    private ApiResponse pay(String body, AuthenticatedKey caller) {
        return endpoint.handle(ApiRequests.post("/api/direct-payment", body).build(), caller);
    }

    private ApiResponse respond(String body, AuthenticatedKey caller) {
        try {
            return pay(body, caller);
        } catch (ApiException e) {
            return Envelope.error(e);
        }
    }
}
