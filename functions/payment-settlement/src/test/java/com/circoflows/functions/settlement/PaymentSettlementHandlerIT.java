package com.circoflows.functions.settlement;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.dynamodb.DynamoRefundRepository;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.gateway.TestRefundCards;
import com.circoflows.domain.refund.Refund;
import com.circoflows.domain.refund.RefundStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PaymentSettlementHandler as Lambda runs it, fed events/payment-settlement/scheduled.json, with the
 * template's grace (60 s) and capture window (7 days): the refund and the authorisation it must settle
 * are stored as if made that long ago, so what other tests leave on the shared stack stays untouched.
 */
@ExtendWith(HandlerStackExtension.class)
class PaymentSettlementHandlerIT {
    private static final String FUNCTION = "PaymentSettlementFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static PaymentSettlementHandler handler;
    private static DynamoRefundRepository refunds;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Settlement IT Merchant");
        handler = stack.functions().construct(FUNCTION, PaymentSettlementHandler.class, PaymentSettlementHandler::new);
        refunds = new DynamoRefundRepository(stack.localStack().dynamoDbClient(), stack.table("RefundsTable"),
                stack.table("TransactionsTable"), stack.table("WebhookEventsTable"));
    }

    @Test
    void aPendingRefundPastTheGraceSettlesAsSucceededAndAnnouncesRefundSucceeded() {
        CreatedPayment payment = stack.payments().pay(withApiKey(withJsonField(event("direct-payment-create/success.json"),
                "card_number", TestRefundCards.REFUND_STAYS_PENDING), key));
        Transaction paid = stack.payments().storedTransaction(payment.transactionId());
        Refund pending = new Refund("re_SettleMe" + payment.transactionId().substring(13), paid.transactionId(),
                paid.merchantId(), paid.mode(), new Money(300, paid.amount().currency()), RefundStatus.PENDING, null,
                Map.of(), "gwre_sent", null, Instant.now().minus(Duration.ofMinutes(2)), null, 1);
        assertTrue(refunds.reserve(paid.refund(pending.amount()), pending));

        Map<String, Integer> done = run();

        assertTrue(done.get("settled_refunds") >= 1, done.toString());
        assertEquals(RefundStatus.SUCCEEDED, refunds.find(pending.refundId()).orElseThrow().status());
        assertTrue(types(payment).contains(WebhookEventType.REFUND_SUCCEEDED), types(payment).toString());
        assertEquals(TransactionStatus.PARTIALLY_REFUNDED,
                stack.payments().storedTransaction(payment.transactionId()).status());
    }

    @Test
    void anAuthorisationNobodyCapturedInSevenDaysIsCanceledWithPaymentCanceled() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/manual-capture.json", key);
        Transaction authorized = stack.payments().storedTransaction(payment.transactionId());
        Transaction eightDaysOld = new Transaction(authorized.transactionId(), authorized.merchantId(),
                authorized.mode(), authorized.status(), authorized.amounts(), authorized.captureMethod(),
                authorized.gatewayTransactionId(), authorized.card(), authorized.threeDSecure(), null,
                authorized.details(), authorized.risk(), authorized.createdAt().minus(Duration.ofDays(8)),
                authorized.processedAt(), authorized.version() + 1);
        assertTrue(stack.payments().transactions().update(eightDaysOld, null));

        Map<String, Integer> done = run();

        assertTrue(done.get("canceled_authorizations") >= 1, done.toString());
        assertEquals(TransactionStatus.CANCELED, stack.payments().storedTransaction(payment.transactionId()).status());
        assertTrue(types(payment).contains(WebhookEventType.PAYMENT_CANCELED), types(payment).toString());
    }

    @Test
    void aFreshAuthorisationIsLeftForTheMerchantToCapture() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/manual-capture.json", key);

        run();

        assertEquals(TransactionStatus.AUTHORIZED, stack.payments().storedTransaction(payment.transactionId()).status());
    }

    private static Map<String, Integer> run() {
        return handler.handleRequest(SampleEvents.scheduledEvent("payment-settlement/scheduled.json"),
                LambdaInvocations.context(FUNCTION));
    }

    private static List<WebhookEventType> types(CreatedPayment payment) {
        return stack.webhooks().webhookEvents(payment.transactionId()).stream().map(WebhookEvent::type).toList();
    }
}
