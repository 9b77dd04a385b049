package com.circoflows.testsupport;

import com.circoflows.adapters.dynamodb.DynamoBankCreditLedger;
import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditIds;
import com.circoflows.domain.banktransfer.BankCreditLedger;
import com.circoflows.domain.banktransfer.HeldCredit;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.localstack.LocalStack;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Bank credits on a {@link HandlerStack}: held ones written exactly as the credit feed's consumer
 * (BankCreditService) holds a credit that names a payment no longer taking money, for the functions that
 * list, read, assign and return them. Only the consumer's own module can run the consumer.
 */
public final class TestBankCredits {
    private final LocalStack stack;
    private final TestPayments payments;

    TestBankCredits(LocalStack stack, TestPayments payments) {
        this.stack = stack;
        this.payments = payments;
    }

    /**
     * Holds a credit of {@code amount} minor units in the bank transfer's currency, paid with its reference,
     * for its merchant (held_reason payment_closed, naming it); returns the credit's id.
     */
    public String heldFor(String transactionId, long amount, Instant receivedAt) {
        Transaction payment = payments.storedTransaction(transactionId);
        if (payment.bankTransfer() == null) {
            throw new IllegalArgumentException(transactionId + " is not a bank transfer");
        }
        BankCredit credit = new BankCredit(new Money(amount, payment.amount().currency()),
                payment.bankTransfer().reference().printed(), null, "Test Payer", "IT-" + UUID.randomUUID(),
                receivedAt);
        BankCreditLedger.Write written = ledger().hold(new HeldCredit(credit, HeldCredit.Reason.PAYMENT_CLOSED,
                payment.merchantId(), payment.mode(), payment.transactionId()));
        if (written != BankCreditLedger.Write.RECORDED) {
            throw new AssertionError("the credit was not held: " + written);
        }
        return BankCreditIds.of(credit.bankReference());
    }

    /** The bank transfers table's credits as the functions read them. */
    public DynamoBankCreditLedger ledger() {
        return new DynamoBankCreditLedger(stack.dynamoDbClient(), table("BankTransfersTable"),
                table("TransactionsTable"), table("WebhookEventsTable"), Clock.systemUTC());
    }

    private String table(String logicalId) {
        return stack.resources().tableName(logicalId);
    }
}
