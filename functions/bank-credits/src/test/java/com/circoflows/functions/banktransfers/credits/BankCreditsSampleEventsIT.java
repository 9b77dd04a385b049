package com.circoflows.functions.banktransfers.credits;

import static com.circoflows.testsupport.SampleEvents.sqsEvent;
import static com.circoflows.testsupport.TestWebhooks.batchItemFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.adapters.sqs.BankCreditMessages;
import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditIds;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * BankCreditsHandler as Lambda runs it, fed events/bank-credits/*.json (as events/README.md says they
 * answer) and a credit of the sample's shape that really went through the BankCreditsQueue.
 */
@ExtendWith(HandlerStackExtension.class)
class BankCreditsSampleEventsIT {
    private static final String FUNCTION = "BankCreditsFunction";
    private static final String QUEUE = "BankCreditsQueue";
    private static final String CREDIT_SAMPLE = "bank-credits/credit.json";

    private static HandlerStack stack;
    private static BankCreditsHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, BankCreditsHandler.class, BankCreditsHandler::new);
    }

    @Test
    void theCreditSampleNamesNoPaymentOfAFreshStackSoItIsHeldAsUnmatchedAndAcknowledged() {
        SQSBatchResponse response = invoke(sqsEvent(CREDIT_SAMPLE));

        assertEquals(List.of(), batchItemFailures(response), "held is done: SQS deletes the message");
        Map<String, AttributeValue> recorded = ledgerItem("SAMPLE-CREDIT-0001");
        assertEquals("held", recorded.get("outcome").s(), recorded.toString());
        assertEquals("unmatched", recorded.get("held_reason").s());
        assertEquals("unattributed", recorded.get("held_key").s());
        assertEquals("10000", recorded.get("amount").n());
    }

    @Test
    void theUnreadableSampleIsABatchItemFailureSoSqsKeepsItUntilTheDeadLetterQueue() {
        SQSEvent event = sqsEvent("bank-credits/unreadable.json");

        SQSBatchResponse response = invoke(event);

        assertEquals(List.of(event.getRecords().get(0).getMessageId()), batchItemFailures(response));
        assertTrue(ledgerItem("SAMPLE-CREDIT-0002").isEmpty(), "nothing is recorded for a credit nobody could read");
    }

    @Test
    void aCreditOfTheSamplesShapeIntoAPaymentsOwnAccountCompletesThePayment() {
        String key = stack.merchants().newMerchantKey("Bank credits sample merchant");
        CreatedPayment payment = stack.payments().pay("direct-payment-create/bank-transfer.json", key);
        JsonNode instructions = payment.body().get("data").get("action_data");
        String body = BankCreditMessages.write(new BankCredit(new Money(25000, Currency.getInstance("EUR")),
                instructions.get("reference").asText(), instructions.get("iban").asText(), "Jane Smith",
                "IT-" + UUID.randomUUID(), Instant.now()));
        stack.queues().send(QUEUE, body);
        Message received = stack.queues().receive(QUEUE, message -> message.body().equals(body), 1).get(0);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(CREDIT_SAMPLE, QUEUE, List.of(received)));

        assertEquals(List.of(), batchItemFailures(response));
        stack.queues().delete(QUEUE, received);
        Transaction paid = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(TransactionStatus.COMPLETED, paid.status());
        assertEquals(25000, paid.bankTransfer().received().minorUnits());
        assertEquals(0, paid.bankTransfer().excess().minorUnits());
    }

    private static Map<String, AttributeValue> ledgerItem(String bankReference) {
        Map<String, AttributeValue> item = stack.localStack().dynamoDbClient().getItem(get -> get
                .tableName(stack.localStack().resources().tableName("BankTransfersTable"))
                .key(Map.of("pk", AttributeValue.fromS("credit#" + BankCreditIds.of(bankReference))))
                .consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static SQSBatchResponse invoke(SQSEvent event) {
        return handler.handleRequest(event, LambdaInvocations.context(FUNCTION));
    }
}
