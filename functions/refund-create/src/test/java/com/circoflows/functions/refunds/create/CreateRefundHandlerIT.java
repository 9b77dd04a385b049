package com.circoflows.functions.refunds.create;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withBody;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.gateway.TestRefundCards;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CreateRefundHandler as Lambda runs it, fed events/refund-create/*.json, against DynamoDB Local. */
@ExtendWith(HandlerStackExtension.class)
class CreateRefundHandlerIT {
    private static final String FUNCTION = "CreateRefundFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static CreateRefundHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Refunds IT Merchant");
        handler = stack.functions().construct(FUNCTION, CreateRefundHandler.class, CreateRefundHandler::new);
    }

    @Test
    void partialRefundSucceedsAnnouncesRefundSucceededAndLeavesThePaymentPartiallyRefunded() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);

        APIGatewayV2HTTPResponse response = invoke(refund(payment, "refund.json"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertTrue(data.get("refund_id").asText().startsWith("re_"), data.toString());
        assertEquals(payment.transactionId(), data.get("transaction_id").asText());
        assertEquals(500, data.get("amount").asLong());
        assertEquals("USD", data.get("currency").asText());
        assertEquals("succeeded", data.get("status").asText());
        assertEquals("requested_by_customer", data.get("reason").asText());
        assertEquals("SUP-881", data.get("metadata").get("ticket").asText());
        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(TransactionStatus.PARTIALLY_REFUNDED, stored.status());
        assertEquals(500, stored.amounts().refunded().minorUnits());
        assertEquals(1, stored.amounts().refundsCount());
        WebhookEvent announced = only(WebhookEventType.REFUND_SUCCEEDED, payment);
        assertEquals(data.get("refund_id").asText(), announced.data().get("refund_id"));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameRefundAndRefundsOnce() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);
        APIGatewayV2HTTPEvent once = refund(payment, "refund.json");

        APIGatewayV2HTTPResponse first = invoke(once);
        APIGatewayV2HTTPResponse again = invoke(once);

        assertEquals(first.getBody(), again.getBody());
        assertEquals(500, stack.payments().storedTransaction(payment.transactionId()).amounts().refunded().minorUnits());
    }

    @Test
    void refundingEverythingLeftMakesThePaymentRefundedAndMoreIsInvalidAmount() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);
        invoke(refund(payment, "refund.json"));

        APIGatewayV2HTTPResponse rest = invoke(withBody(refund(payment, "refund.json"), "{}", false));
        assertEquals(200, rest.getStatusCode(), rest.getBody());
        assertEquals(500, json(rest).get("data").get("amount").asLong(), "the default is what is left");
        assertEquals(TransactionStatus.REFUNDED, stack.payments().storedTransaction(payment.transactionId()).status());

        APIGatewayV2HTTPResponse more = invoke(refund(payment, "refund.json"));
        assertEquals(400, more.getStatusCode(), more.getBody());
        assertEquals("invalid_amount", json(more).get("error").get("code").asText());
        assertEquals("amount", json(more).get("error").get("param").asText());
    }

    @Test
    void twentyConcurrentPartialRefundsNeverGiveBackMoreThanWasCaptured() throws Exception {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);
        // 20 refunds of 70 on a payment of 1000: at most 14 fit (980); the others must be refused.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            APIGatewayV2HTTPEvent event = withBody(refund(payment, "refund.json"), "{\"amount\": 70}", false);
            answers.add(pool.submit(() -> {
                start.await();
                return invoke(event);
            }));
        }
        start.countDown();
        int succeeded = 0;
        long refundedByAnswers = 0;
        for (Future<APIGatewayV2HTTPResponse> answer : answers) {
            APIGatewayV2HTTPResponse response = answer.get();
            if (response.getStatusCode() == 200) {
                succeeded++;
                refundedByAnswers += json(response).get("data").get("amount").asLong();
            } else {
                assertTrue(response.getStatusCode() == 400 || response.getStatusCode() == 503, response.getBody());
            }
        }
        pool.shutdown();

        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertTrue(stored.amounts().refunded().minorUnits() <= 1000, stored.amounts().toString());
        assertEquals(refundedByAnswers, stored.amounts().refunded().minorUnits(), "every 200 is counted, nothing else");
        assertEquals(succeeded, stored.amounts().refundsCount());
        assertEquals(succeeded, stack.webhooks().webhookEvents(payment.transactionId()).stream()
                .filter(e -> e.type() == WebhookEventType.REFUND_SUCCEEDED).count());
        assertTrue(succeeded >= 1 && succeeded <= 14, "succeeded " + succeeded);
    }

    @Test
    void theRefundFailsTestCardFailsTheRefundAnnouncesRefundFailedAndReleasesTheAmount() {
        CreatedPayment payment = stack.payments().pay(withApiKey(withJsonField(event("direct-payment-create/success.json"),
                "card_number", TestRefundCards.REFUND_FAILS), key));

        APIGatewayV2HTTPResponse response = invoke(refund(payment, "refund.json"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("failed", json(response).get("data").get("status").asText());
        assertEquals("expired_or_canceled_card", json(response).get("data").get("failure_reason").asText());
        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(TransactionStatus.COMPLETED, stored.status());
        assertEquals(0, stored.amounts().refunded().minorUnits());
        assertEquals("failed", only(WebhookEventType.REFUND_FAILED, payment).data().get("status"));
    }

    @Test
    void thePendingTestCardsRefundStaysPendingWithNoEventYet() {
        CreatedPayment payment = stack.payments().pay(withApiKey(withJsonField(event("direct-payment-create/success.json"),
                "card_number", TestRefundCards.REFUND_STAYS_PENDING), key));

        APIGatewayV2HTTPResponse response = invoke(refund(payment, "refund.json"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("pending", json(response).get("data").get("status").asText());
        assertEquals(500, stack.payments().storedTransaction(payment.transactionId()).amounts().refunded().minorUnits(),
                "a pending refund's amount is reserved");
        assertEquals(List.of(WebhookEventType.PAYMENT_SUCCEEDED), stack.webhooks().webhookEvents(payment.transactionId())
                .stream().map(WebhookEvent::type).toList(), "refund.succeeded or refund.failed comes when it settles");
    }

    @Test
    void anUncapturedPaymentCannotBeRefunded() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/manual-capture.json", key);

        APIGatewayV2HTTPResponse response = invoke(refund(payment, "refund.json"));

        assertEquals(409, response.getStatusCode(), response.getBody());
        assertEquals("invalid_transaction_state", json(response).get("error").get("code").asText());
    }

    @Test
    void samplesAnswerAsTheEventsReadmeSays() {
        assertEquals(404, invoke(event("refund-create/not-found.json")).getStatusCode());
        APIGatewayV2HTTPResponse bad = invoke(event("refund-create/bad-input.json"));
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        assertEquals("invalid_amount", json(bad).get("error").get("code").asText());
    }

    /** The sample for this payment, under a key of its own (a key names one request, whatever the payment). */
    private static APIGatewayV2HTTPEvent refund(CreatedPayment payment, String sample) {
        return withNewKey(withApiKey(withTransactionId(event("refund-create/" + sample), payment.transactionId()), key));
    }

    private static APIGatewayV2HTTPEvent withNewKey(APIGatewayV2HTTPEvent event) {
        return withHeader(event, "idempotency-key", UUID.randomUUID().toString());
    }

    private static WebhookEvent only(WebhookEventType type, CreatedPayment payment) {
        List<WebhookEvent> found = stack.webhooks().webhookEvents(payment.transactionId()).stream()
                .filter(e -> e.type() == type).toList();
        assertEquals(1, found.size(), type + " events: " + found);
        return found.get(0);
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
