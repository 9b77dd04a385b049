package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.model.ApiKey;
import com.circoflows.client.model.ApiKeyCreateParams;
import com.circoflows.client.model.BankCredit;
import com.circoflows.client.model.BankTransferPaymentParams;
import com.circoflows.client.model.Branding;
import com.circoflows.client.model.BrandingParams;
import com.circoflows.client.model.CaptureParams;
import com.circoflows.client.model.CardPaymentParams;
import com.circoflows.client.model.ConfirmThreeDSecureParams;
import com.circoflows.client.model.CustomerInfo;
import com.circoflows.client.model.Health;
import com.circoflows.client.model.ListParams;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.PaymentListParams;
import com.circoflows.client.model.Refund;
import com.circoflows.client.model.RefundParams;
import com.circoflows.client.model.Session;
import com.circoflows.client.model.SessionCreateParams;
import com.circoflows.client.model.SessionListParams;
import com.circoflows.client.model.TestCredit;
import com.circoflows.client.model.TestFundParams;
import com.circoflows.client.model.TestWalletToken;
import com.circoflows.client.model.TestWalletTokenParams;
import com.circoflows.client.model.WalletPaymentParams;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.E2e.TestMerchant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every area of the client against the real API (the local runner: real HTTP, the real functions): what
 * a merchant's code gets back from each call, read through the client's typed answers and exceptions. The
 * calls are a merchant's of this class's own; the webhooks are {@link ClientWebhooksIT}'s, the retries
 * under failures {@link ClientRetriesUnderFaultsIT}'s.
 */
@ExtendWith(SharedLocalRunner.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAgainstLocalRunnerIT {
    private static final String SUCCESS_CARD = "4242424242424242";
    private static final String DECLINED_CARD = "4000000000000002";
    private static final String THREE_D_SECURE_CARD = "4000000000003220";
    private static final Pattern TRANSACTION_ID = Pattern.compile("txn_[0-9A-Za-z]{24}");
    private static final Pattern REQUEST_ID = Pattern.compile("\\S{8,}");
    private static final Duration QUEUED_WORK = Duration.ofSeconds(20);

    private final E2e e2e;
    private final TestMerchant merchant;
    private final CircoFlowsClient client;

    ClientAgainstLocalRunnerIT(E2e e2e) {
        this.e2e = e2e;
        this.merchant = e2e.newMerchant("Client Merchant");
        this.client = clientWith(merchant.apiKey());
    }

    @Test
    void aCardPaymentIsCompletedAndReadsBackWithItsCardCustomerAndMetadata() {
        Payment paid = client.payments().create(card(SUCCESS_CARD, 1999).customerInfo(CustomerInfo.builder()
                .name("Jane Smith").email("jane@example.com").build()).metadata("order_id", "ORD-1001").build());

        assertEquals("completed", paid.getStatus());
        assertTrue(TRANSACTION_ID.matcher(paid.getTransactionId()).matches(), paid.getTransactionId());
        assertEquals(1999L, paid.getAmount());
        assertEquals("USD", paid.getCurrency());
        assertTrue(paid.getGatewayTransactionId().startsWith("gw_"), paid.getGatewayTransactionId());
        assertNotNull(paid.getCreatedAt());
        assertFalse(paid.isRequiresAction());

        Payment read = client.payments().retrieve(paid.getTransactionId());

        assertEquals("completed", read.getStatus());
        assertEquals("card", read.getPaymentMethod());
        assertEquals("4242", read.getCard().getLast4());
        assertEquals("visa", read.getCard().getBrand());
        assertEquals(Boolean.FALSE, read.getLivemode());
        assertEquals("Jane Smith", read.getCustomerInfo().getName());
        assertEquals(Map.of("order_id", "ORD-1001"), read.getMetadata());
        assertEquals(paid.getCreatedAt(), read.getCreatedAt());
    }

    @Test
    void aDeclinedCardIsACardExceptionWithItsCodeDeclineCodeTransactionAndRequestId() {
        CardException declined = assertThrows(CardException.class,
                () -> client.payments().create(card(DECLINED_CARD, 2000).build()));

        assertEquals(400, declined.getHttpStatus());
        assertEquals("card_error", declined.getType());
        assertEquals("card_declined", declined.getCode());
        assertEquals("generic_decline", declined.getDeclineCode());
        assertTrue(TRANSACTION_ID.matcher(declined.getTransactionId()).matches(), declined::toString);
        assertTrue(REQUEST_ID.matcher(declined.getRequestId()).matches(), declined::toString);
        Payment failed = client.payments().retrieve(declined.getTransactionId());
        assertEquals("failed", failed.getStatus());
        assertEquals("card_declined", failed.getError().getCode());
        assertEquals("generic_decline", failed.getError().getDeclineCode());
    }

    @Test
    void aThreeDSecureCardWaitsForTheCustomersChallengeThenConfirmingCompletesIt() {
        Payment pending = client.payments().create(card(THREE_D_SECURE_CARD, 2599).build());

        assertEquals("pending", pending.getStatus());
        assertTrue(pending.isRequiresAction());
        assertEquals("3ds_authentication", pending.getActionType());
        assertTrue(pending.getThreeDSecureUrl().startsWith(e2e.baseUrl()), pending.getThreeDSecureUrl());
        ConfirmThreeDSecureParams success = ConfirmThreeDSecureParams.success(pending.getGatewayTransactionId());
        InvalidRequestException tooEarly = assertThrows(InvalidRequestException.class,
                () -> client.payments().confirmThreeDSecure(pending.getTransactionId(), success));
        assertEquals("invalid_transaction_state", tooEarly.getCode(), "the customer has not taken the challenge yet");

        HttpResponse<String> page = new ChallengeCustomer().authenticate(pending.getThreeDSecureUrl());
        assertEquals(200, page.statusCode(), "no return_url: the page says it is done");

        Payment confirmed = client.payments().confirmThreeDSecure(pending.getTransactionId(), success);

        assertEquals("completed", confirmed.getStatus());
        assertEquals(pending.getTransactionId(), confirmed.getTransactionId());
        Payment read = client.payments().retrieve(pending.getTransactionId());
        assertEquals("authenticated", read.getThreeDSecure());
        assertFalse(read.isRequiresAction());
    }

    @Test
    void aChallengeTheCustomerFailedCannotBeConfirmedAsASuccess() {
        Payment pending = client.payments().create(card(THREE_D_SECURE_CARD, 2699).build());
        new ChallengeCustomer().failAuthentication(pending.getThreeDSecureUrl());

        CardException refused = assertThrows(CardException.class, () -> client.payments().confirmThreeDSecure(
                pending.getTransactionId(), ConfirmThreeDSecureParams.success(pending.getGatewayTransactionId())));

        assertEquals("3ds_authentication_failed", refused.getCode());
        assertEquals(400, refused.getHttpStatus());
        Payment failed = client.payments().confirmThreeDSecure(pending.getTransactionId(),
                ConfirmThreeDSecureParams.failed(pending.getGatewayTransactionId()));
        assertEquals("failed", failed.getStatus());
        assertEquals("failed", client.payments().retrieve(pending.getTransactionId()).getThreeDSecure());
    }

    @Test
    void aManualCapturePaymentIsAuthorisedThenCapturedInPartThenRefundedInTwoListedRefunds() {
        Payment authorised = client.payments().create(card(SUCCESS_CARD, 15000).manualCapture().build());
        assertEquals("authorized", authorised.getStatus());
        String id = authorised.getTransactionId();
        assertEquals("manual", client.payments().retrieve(id).getCaptureMethod());

        Payment captured = client.payments().capture(id, CaptureParams.amount(12000));

        assertEquals("completed", captured.getStatus());
        assertEquals(15000L, captured.getAmount(), "amount stays what was authorised");
        assertEquals(12000L, captured.getAmountCaptured());

        Refund first = client.refunds().create(id, RefundParams.builder().amount(5000).reason("requested_by_customer")
                .metadata("ticket", "T-77").build(), RequestOptions.idempotencyKey(UUID.randomUUID().toString()));
        Refund rest = client.refunds().create(id, RefundParams.builder().build());

        assertEquals("succeeded", first.getStatus());
        assertTrue(first.getRefundId().startsWith("re_"), first.getRefundId());
        assertEquals(id, first.getTransactionId());
        assertEquals("requested_by_customer", first.getReason());
        assertEquals(7000L, rest.getAmount(), "the rest of what was captured");
        assertEquals(List.of(first.getRefundId(), rest.getRefundId()),
                client.refunds().list(id).stream().map(Refund::getRefundId).toList(), "oldest first");
        Payment refunded = client.payments().retrieve(id);
        assertEquals("refunded", refunded.getStatus());
        assertEquals(12000L, refunded.getAmountRefunded());
        assertEquals(2, refunded.getRefundsCount());
        InvalidRequestException nothingLeft = assertThrows(InvalidRequestException.class,
                () -> client.refunds().create(id, RefundParams.builder().amount(100).build()));
        assertEquals("invalid_amount", nothingLeft.getCode());
    }

    @Test
    void anAuthorisationIsCancelledAndCannotBeCapturedAfterwards() {
        Payment authorised = client.payments().create(card(SUCCESS_CARD, 3000).manualCapture().build());

        Payment cancelled = client.payments().cancel(authorised.getTransactionId());

        assertEquals("canceled", cancelled.getStatus());
        InvalidRequestException tooLate = assertThrows(InvalidRequestException.class,
                () -> client.payments().capture(authorised.getTransactionId(), CaptureParams.all()));
        assertEquals(409, tooLate.getHttpStatus());
        assertEquals("invalid_transaction_state", tooLate.getCode());
    }

    @Test
    void listAllFollowsTheCursorPastTheFirstPageNewestFirst() {
        String batch = "batch-" + UUID.randomUUID();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, client.payments().create(card(SUCCESS_CARD, 1000 + i).metadata("batch", batch).build())
                    .getTransactionId());
        }
        PaymentListParams twoPerPage = PaymentListParams.builder().metadata("batch", batch).limit(2).build();

        Page<Payment> firstPage = client.payments().list(twoPerPage);
        List<String> listed = new ArrayList<>();
        for (Payment payment : client.payments().listAll(twoPerPage)) {
            listed.add(payment.getTransactionId());
        }

        assertEquals(2, firstPage.getData().size());
        assertTrue(firstPage.hasMore());
        assertNotNull(firstPage.getNextCursor());
        assertEquals(made, listed, "every payment of the batch once, newest first, across three pages");
    }

    @Test
    void hostedSessionsAreCreatedReadListedAndCancelled() {
        Session created = client.sessions().create(SessionCreateParams.builder().amount(25000).currency("USD")
                .description("Annual plan").returnUrl("https://shop.example/done").metadata("plan", "annual").build(),
                RequestOptions.idempotencyKey(UUID.randomUUID().toString()));

        assertEquals("pending", created.getStatus());
        assertTrue(created.getSessionId().startsWith("sess_"), created.getSessionId());
        assertTrue(created.getPaymentUrl().endsWith("/pay/" + created.getSessionId()), created.getPaymentUrl());
        assertNotNull(created.getExpiresAt());
        Session read = client.sessions().retrieve(created.getSessionId());
        assertEquals("Annual plan", read.getDescription());
        assertEquals(25000L, read.getAmount());
        assertEquals(Map.of("plan", "annual"), read.getMetadata());
        assertTrue(idsOf(client.sessions().listAll(SessionListParams.builder().status("pending").build()))
                .contains(created.getSessionId()));

        Session cancelled = client.sessions().cancel(created.getSessionId());

        assertEquals("cancelled", cancelled.getStatus());
        assertNotNull(cancelled.getCancelledAt());
        assertEquals("cancelled", client.sessions().retrieve(created.getSessionId()).getStatus());
        assertFalse(idsOf(client.sessions().listAll(SessionListParams.builder().status("pending").build()))
                .contains(created.getSessionId()));
    }

    @Test
    void anApiKeyIsCreatedListedAndRevokedAndTheRevokedKeyIsThenRefused() {
        ApiKey created = client.apiKeys().create(ApiKeyCreateParams.named("checkout servers"),
                RequestOptions.idempotencyKey(UUID.randomUUID().toString()));

        assertTrue(created.getApiKey().startsWith("cf_test_"), "the full key, shown this once");
        assertEquals("checkout servers", created.getName());
        assertEquals("active", created.getStatus());
        assertEquals(merchant.merchantId(), clientWith(created.getApiKey()).health().check().getMerchantId(),
                "the new key works");
        List<ApiKey> listed = new ArrayList<>();
        client.apiKeys().listAll(ListParams.none()).forEach(listed::add);
        ApiKey shown = listed.stream().filter(key -> key.getKeyId().equals(created.getKeyId())).findFirst()
                .orElseThrow(() -> new AssertionError("the new key is not listed: " + listed));
        assertNull(shown.getApiKey(), "a listing never shows a key");

        ApiKey revoked = client.apiKeys().revoke(created.getKeyId());

        assertEquals("revoked", revoked.getStatus());
        assertNotNull(revoked.getRevokedAt());
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> clientWith(created.getApiKey()).health().check());
        assertEquals(401, refused.getHttpStatus());
        assertEquals("authentication_failed", refused.getCode());
    }

    @Test
    void aGooglePayPaymentWithAMintedTestTokenIsCompletedShowingTheWalletAndCard() {
        TestWalletToken token = client.testHelpers().mintWalletToken(TestWalletTokenParams.googlePay(SUCCESS_CARD)
                .build());
        assertEquals("google_pay", token.getWallet());

        Payment paid = client.payments().create(WalletPaymentParams.googlePay(token.getPaymentToken())
                .amount(1500).currency("USD").build());

        assertEquals("completed", paid.getStatus());
        Payment read = client.payments().retrieve(paid.getTransactionId());
        assertEquals("google_pay", read.getPaymentMethod());
        assertEquals("google_pay", read.getWallet());
        assertEquals("4242", read.getCard().getLast4());
        InvalidRequestException spent = assertThrows(InvalidRequestException.class,
                () -> client.payments().create(WalletPaymentParams.googlePay(token.getPaymentToken())
                        .amount(1500).currency("USD").build()));
        assertEquals("invalid_payment_token", spent.getCode(), "each token pays once");
        assertEquals("payment_token", spent.getParam());
    }

    /** EUR 25.00 asked, EUR 30.00 sent: the payment completes and the EUR 5.00 it did not need is held. */
    @Test
    void aBankTransferIsPendingUntilFundedThenCompletedAndWhatItDidNotNeedIsHeld() {
        Payment transfer = client.payments().create(BankTransferPaymentParams.builder().amount(2500).currency("EUR")
                .customerInfo(CustomerInfo.builder().name("Held Credit Payer").build()).build());

        assertEquals("pending", transfer.getStatus());
        assertEquals("bank_transfer", transfer.getPaymentMethod());
        assertEquals("bank_transfer_instructions", transfer.getActionType());
        assertTrue(transfer.getActionData().path("reference").asText().startsWith("RF"), "a reference to quote");
        assertEquals(2500, transfer.getActionData().path("amount_remaining").asLong());

        TestCredit credit = client.testHelpers().fundBankTransfer(transfer.getTransactionId(), TestFundParams.amount(3000));

        assertEquals(3000L, credit.getAmount());
        Payment completed = Eventually.until("the transfer completed", QUEUED_WORK,
                () -> client.payments().retrieve(transfer.getTransactionId()), p -> "completed".equals(p.getStatus()));
        assertEquals(2500L, completed.getAmount());
        BankCredit held = Eventually.until("the excess held", QUEUED_WORK, () -> heldCreditOf(transfer), c -> c != null);
        assertEquals(500L, held.getAmount());
        assertEquals("EUR", held.getCurrency());
        assertEquals("excess", held.getHeldReason());
        assertEquals("held", client.bankCredits().retrieve(held.getCreditId()).getStatus());
    }

    @Test
    void brandingIsSavedWithTheVersionReadAndASaveOnAStaleVersionIsRefused() {
        Branding before = client.branding().retrieve();

        Branding saved = client.branding().update(BrandingParams.builder().displayName("Client Coffee")
                .brandColor("#D97706").version(before.getVersion()).build());

        assertEquals("Client Coffee", saved.getDisplayName());
        assertEquals("#d97706", saved.getBrandColor());
        assertEquals(before.getVersion() + 1, saved.getVersion());
        InvalidRequestException stale = assertThrows(InvalidRequestException.class, () -> client.branding()
                .update(BrandingParams.builder().brandColor("#1f4fd1").version(before.getVersion()).build()));
        assertEquals(409, stale.getHttpStatus());
        assertEquals("branding_version_conflict", stale.getCode());
        assertEquals("#d97706", client.branding().retrieve().getBrandColor(), "nothing changed");
    }

    @Test
    void healthNamesTheKeysMerchantAndTestMode() {
        Health health = client.health().check();

        assertEquals(merchant.merchantId(), health.getMerchantId());
        assertEquals("test", health.getMode());
        assertNotNull(health.getTime());
    }

    @Test
    void anInvalidRequestIsAnInvalidRequestExceptionNamingTheParameter() {
        InvalidRequestException tooSmall = assertThrows(InvalidRequestException.class,
                () -> client.payments().create(card(SUCCESS_CARD, 10).build()));
        InvalidRequestException badFilter = assertThrows(InvalidRequestException.class,
                () -> client.payments().list(PaymentListParams.builder().status("succeeded").build()));

        assertEquals(400, tooSmall.getHttpStatus());
        assertEquals("invalid_amount", tooSmall.getCode());
        assertEquals("amount", tooSmall.getParam());
        assertNotNull(tooSmall.getRequestId());
        assertEquals("invalid_request", badFilter.getCode());
        assertEquals("status", badFilter.getParam());
    }

    @Test
    void anotherMerchantsPaymentIsNotFoundAsIfItNeverExisted() {
        Payment mine = client.payments().create(card(SUCCESS_CARD, 4100).build());
        CircoFlowsClient stranger = clientWith(e2e.newMerchant("Client Stranger").apiKey());

        InvalidRequestException notFound = assertThrows(InvalidRequestException.class,
                () -> stranger.payments().retrieve(mine.getTransactionId()));
        InvalidRequestException neverExisted = assertThrows(InvalidRequestException.class,
                () -> stranger.payments().retrieve("txn_" + "A".repeat(24)));

        assertEquals(404, notFound.getHttpStatus());
        assertEquals("transaction_not_found", notFound.getCode());
        assertEquals(neverExisted.getCode(), notFound.getCode());
        assertEquals(neverExisted.getMessage(), notFound.getMessage(), "nothing tells the two apart");
        assertNotEquals(notFound.getRequestId(), neverExisted.getRequestId());
        assertThrows(InvalidRequestException.class, () -> stranger.refunds().create(mine.getTransactionId(),
                RefundParams.builder().build()));
        assertEquals(0L, defaultZero(client.payments().retrieve(mine.getTransactionId()).getAmountRefunded()),
                "the stranger refunded nothing");
    }

    private BankCredit heldCreditOf(Payment transfer) {
        for (BankCredit credit : client.bankCredits().listAll(ListParams.none())) {
            if (transfer.getTransactionId().equals(credit.getTransactionId())) {
                return credit;
            }
        }
        return null;
    }

    private CircoFlowsClient clientWith(String apiKey) {
        return CircoFlowsClient.builder().apiKey(apiKey).baseUrl(e2e.baseUrl()).environment(name -> null).build();
    }

    private static CardPaymentParams.Builder card(String number, long amount) {
        return CardPaymentParams.builder().amount(amount).currency("USD").cardNumber(number)
                .expiry(12, Year.now().getValue() + 3).cvv("123");
    }

    private static List<String> idsOf(Iterable<Session> sessions) {
        List<String> ids = new ArrayList<>();
        sessions.forEach(session -> ids.add(session.getSessionId()));
        return ids;
    }

    private static long defaultZero(Long value) {
        return value == null ? 0 : value;
    }
}
