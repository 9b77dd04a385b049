package com.circoflows.functions.banktransfers.credits;

import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_AFTER;
import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_BEFORE;
import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static com.circoflows.testsupport.FaultInjector.Fault.TRANSACTION_THROTTLED;
import static com.circoflows.testsupport.TestWebhooks.batchItemFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.adapters.sqs.BankCreditMessages;
import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.testsupport.FaultInjector;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SimulatedCrash;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The credit consumer when DynamoDB fails or the invocation dies, through the real adapters of its wiring:
 * whatever happens between matching a credit and writing it, the redelivered message applies it exactly once.
 */
@ExtendWith(HandlerStackExtension.class)
class BankCreditsFaultsIT {
    private static final String FUNCTION = "BankCreditsFunction";
    private static final String QUEUE = "BankCreditsQueue";

    private static HandlerStack stack;
    private static String key;

    @BeforeAll
    static void useTheSharedStack(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Bank credit faults");
    }

    @Test
    void aThrottledLedgerWriteIsABatchItemFailureAndTheRedeliveryAppliesTheCreditOnce() {
        assertAppliedOnceAfter(THROTTLED, "TransactWriteItems", false);
    }

    @Test
    void aCancelledTransactionIsABatchItemFailureAndTheRedeliveryAppliesTheCreditOnce() {
        assertAppliedOnceAfter(TRANSACTION_THROTTLED, "TransactWriteItems", false);
    }

    @Test
    void aCrashBetweenMatchingAndWritingLeavesNothingAndTheRedeliveryAppliesTheCreditOnce() {
        assertAppliedOnceAfter(CRASH_BEFORE, "TransactWriteItems", true);
    }

    @Test
    void aCrashJustAfterTheWriteLandedIsSeenAsADuplicateOnRedeliveryNotAppliedTwice() {
        assertAppliedOnceAfter(CRASH_AFTER, "TransactWriteItems", true);
    }

    private void assertAppliedOnceAfter(FaultInjector.Fault fault, String operation, boolean crashes) {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/bank-transfer.json", key);
        JsonNode instructions = payment.body().get("data").get("action_data");
        long amount = instructions.get("amount").asLong();
        String body = BankCreditMessages.write(new BankCredit(new Money(amount, Currency.getInstance("EUR")),
                instructions.get("reference").asText(), instructions.get("iban").asText(), "Jane Smith",
                "FAULT-" + UUID.randomUUID(), Instant.now()));
        stack.queues().send(QUEUE, body);
        Message first = stack.queues().receive(QUEUE, message -> message.body().equals(body), 1).get(0);
        FaultyStack faulty = new FaultyStack(stack);
        BankCreditsHandler handler = new BankCreditsHandler(faulty.wiring(FUNCTION).bankTransfers().bankCreditBatch());
        faulty.faults().inject(fault, operation);

        if (crashes) {
            assertThrows(SimulatedCrash.class, () -> handle(handler, first));
        } else {
            assertEquals(List.of(first.messageId()), batchItemFailures(handle(handler, first)), "kept for redelivery");
        }
        faulty.assertFaultsFired();

        SQSBatchResponse redelivered = handle(handler, first);

        assertEquals(List.of(), batchItemFailures(redelivered));
        stack.queues().delete(QUEUE, first);
        Transaction after = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(TransactionStatus.COMPLETED, after.status(), fault + ": paid");
        assertEquals(amount, after.bankTransfer().received().minorUnits(), fault + ": counted once");
        assertEquals(0, after.bankTransfer().excess().minorUnits(), fault + ": nothing counted twice");
    }

    private static SQSBatchResponse handle(BankCreditsHandler handler, Message message) {
        SQSEvent event = stack.queues().sqsEvent("bank-credits/credit.json", QUEUE, List.of(message));
        return handler.handleRequest(event, LambdaInvocations.context(FUNCTION));
    }
}
