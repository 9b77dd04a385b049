package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.model.BankTransferPaymentParams;
import com.circoflows.client.model.CardPaymentParams;
import com.circoflows.client.model.ConfirmThreeDSecureParams;
import com.circoflows.client.model.CustomerInfo;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.PaymentListParams;
import com.circoflows.client.model.Refund;
import com.circoflows.client.model.RefundParams;
import com.circoflows.client.model.WalletPaymentParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aCardPaymentIsSentAsTheApiNamesItsFields() throws Exception {
        api.answer(200, Answers.COMPLETED);

        Payment payment = client.payments().create(CardPaymentParams.builder().amount(15000).currency("USD")
                .cardNumber("4242424242424242").expiry(12, 2030).cvv("123")
                .customerInfo(CustomerInfo.builder().name("John Doe").build()).metadata("order_id", "ORD-12345")
                .build());

        JsonNode sent = JSON.readTree(api.requests().get(0).body());
        assertEquals(JSON.readTree("{\"amount\":15000,\"currency\":\"USD\",\"payment_method\":\"card\","
                + "\"card_number\":\"4242424242424242\",\"expiry_month\":\"12\",\"expiry_year\":\"2030\","
                + "\"cvv\":\"123\",\"customer_info\":{\"name\":\"John Doe\"},\"metadata\":{\"order_id\":\"ORD-12345\"}}"),
                sent);
        assertEquals("POST", api.requests().get(0).method());
        assertEquals("application/json", api.requests().get(0).header("Content-Type"));
        assertEquals("txn_KxbXNBMSQnF8wV3zCCqKhp4y", payment.getTransactionId());
        assertEquals(Instant.parse("2026-12-04T16:53:05Z"), payment.getCreatedAt());
        assertEquals(Boolean.TRUE, payment.getWebhookQueued());
    }

    @Test
    void aBankTransferAndAWalletTokenAreSentWithTheirPaymentMethod() throws Exception {
        api.answer(202, Answers.COMPLETED).answer(200, Answers.COMPLETED);

        client.payments().create(BankTransferPaymentParams.builder().amount(25000).currency("EUR")
                .customerInfo(CustomerInfo.builder().name("Jane Smith").build()).build());
        client.payments().create(WalletPaymentParams.googlePay("{\"protocolVersion\":\"ECv2\"}")
                .amount(1000).currency("USD").build());

        JsonNode transfer = JSON.readTree(api.requests().get(0).body());
        assertEquals("bank_transfer", transfer.get("payment_method").asText());
        assertEquals("Jane Smith", transfer.at("/customer_info/name").asText());
        JsonNode wallet = JSON.readTree(api.requests().get(1).body());
        assertEquals("google_pay", wallet.get("payment_method").asText());
        assertEquals("{\"protocolVersion\":\"ECv2\"}", wallet.get("payment_token").asText());
    }

    @Test
    void threeDSecureIsShownThenConfirmed() throws Exception {
        api.answer(202, Answers.THREE_DS_REQUIRED).answer(200, Answers.THREE_DS_CONFIRMED);

        Payment pending = client.payments().create(CardPaymentParams.builder().amount(1000).currency("USD")
                .cardNumber("4000000000003220").expiry(12, 2030).cvv("123").build());
        assertTrue(pending.isRequiresAction());
        assertEquals("http://localhost:3107/pay/3ds/txn_AH4aMkSchU2UsJjyZ4wxNDsh", pending.getThreeDSecureUrl());

        Payment confirmed = client.payments().confirmThreeDSecure(pending.getTransactionId(),
                ConfirmThreeDSecureParams.success(pending.getGatewayTransactionId()));

        assertEquals("completed", confirmed.getStatus());
        assertEquals("authenticated", confirmed.getThreeDSecure());
        FakeApi.Recorded confirm = api.requests().get(1);
        assertEquals("/api/direct-payment/txn_AH4aMkSchU2UsJjyZ4wxNDsh/confirm-3ds", confirm.pathAndQuery());
        assertEquals(JSON.readTree("{\"status\":\"success\",\"gateway_id\":\"gw_MzYGusTTkINj7lMfcCGB6p9P\"}"),
                JSON.readTree(confirm.body()));
    }

    @Test
    void listAllFollowsNextCursorAcrossThreePages() {
        api.answer(200, Answers.page("c1", "txn_a", "txn_b"))
                .answer(200, Answers.page("c2"))
                .answer(200, Answers.page(null, "txn_c"));

        List<String> ids = new ArrayList<>();
        for (Payment payment : client.payments().listAll(PaymentListParams.builder().limit(2).status("completed")
                .metadata("order_id", "ORD 1").build())) {
            ids.add(payment.getTransactionId());
        }

        assertEquals(List.of("txn_a", "txn_b", "txn_c"), ids, "an empty page with has_more is paged past");
        assertEquals(List.of(
                "/api/direct-payment?limit=2&status=completed&metadata%5Border_id%5D=ORD%201",
                "/api/direct-payment?limit=2&status=completed&metadata%5Border_id%5D=ORD%201&cursor=c1",
                "/api/direct-payment?limit=2&status=completed&metadata%5Border_id%5D=ORD%201&cursor=c2"),
                api.requests().stream().map(FakeApi.Recorded::pathAndQuery).toList());
    }

    @Test
    void cancelSendsNoBodyButAKey() {
        api.answer(200, Answers.COMPLETED);

        client.payments().cancel("txn_KxbXNBMSQnF8wV3zCCqKhp4y");

        FakeApi.Recorded cancel = api.requests().get(0);
        assertEquals("/api/direct-payment/txn_KxbXNBMSQnF8wV3zCCqKhp4y/cancel", cancel.pathAndQuery());
        assertEquals("", cancel.body());
        assertFalse(cancel.header("Idempotency-Key").isEmpty());
    }

    @Test
    void refundsAreCreatedAndListed() throws Exception {
        api.answer(200, Answers.REFUND).answer(200, "{\"success\":true,\"data\":{\"refunds\":["
                + JSON.readTree(Answers.REFUND).get("data") + "]}}");

        Refund refund = client.refunds().create("txn_KxbXNBMSQnF8wV3zCCqKhp4y",
                RefundParams.builder().amount(5000).reason("requested_by_customer").build(),
                RequestOptions.idempotencyKey("refund-order-12345-1"));
        List<Refund> refunds = client.refunds().list("txn_KxbXNBMSQnF8wV3zCCqKhp4y");

        assertEquals("re_Q8mZt2LxVb7RkPn3WcY5HdJa", refund.getRefundId());
        assertEquals("SUP-881", refund.getMetadata().get("ticket"));
        assertEquals("refund-order-12345-1", api.requests().get(0).header("Idempotency-Key"));
        assertEquals(JSON.readTree("{\"amount\":5000,\"reason\":\"requested_by_customer\"}"),
                JSON.readTree(api.requests().get(0).body()));
        assertEquals("/api/direct-payment/txn_KxbXNBMSQnF8wV3zCCqKhp4y/refunds", api.requests().get(1).pathAndQuery());
        assertEquals(1, refunds.size());
    }

    @Test
    void cardParamsNeverShowTheCard() {
        String shown = CardPaymentParams.builder().amount(1000).currency("USD").cardNumber("4242424242424242")
                .expiry(12, 2030).cvv("987").build().toString();

        assertFalse(shown.contains("4242424242424242"));
        assertFalse(shown.contains("987"));
    }
}
