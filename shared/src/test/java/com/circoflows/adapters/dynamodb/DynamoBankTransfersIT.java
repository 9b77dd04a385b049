package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditIds;
import com.circoflows.domain.banktransfer.BankCreditLedger;
import com.circoflows.domain.banktransfer.BankCreditService;
import com.circoflows.domain.banktransfer.BankTransferPayments;
import com.circoflows.domain.banktransfer.BankTransferRequest;
import com.circoflows.domain.banktransfer.ClaimedTransfer;
import com.circoflows.domain.banktransfer.CollectionDetails;
import com.circoflows.domain.banktransfer.CreditMatcher;
import com.circoflows.domain.banktransfer.HeldCredit;
import com.circoflows.domain.banktransfer.TransferExpiry;
import com.circoflows.domain.banktransfer.TransferNumbers;
import com.circoflows.domain.banktransfer.TransferScheme;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.RecordingWebhookJobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Bank transfers against DynamoDB Local through the real SDK: claims, the credit ledger, the expiry index. */
class DynamoBankTransfersIT {
    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String bankTable = LocalStackFixture.table("BankTransfersTable");
    private final String transactionsTable = LocalStackFixture.table("TransactionsTable");
    private final String eventsTable = LocalStackFixture.table("WebhookEventsTable");
    private final MutableClock clock = MutableClock.atTestNow();
    private final DynamoTransactionRepository transactions = new DynamoTransactionRepository(dynamoDb,
            transactionsTable, eventsTable, LocalStackFixture.table("TransactionSearchTable"));
    private final TransactionWriter writer = new TransactionWriter(transactions, new RecordingWebhookJobQueue(),
            new InMemoryWebhookEndpointRepository(), clock);
    private final DynamoTransferNumberClaims claims = new DynamoTransferNumberClaims(dynamoDb, bankTable);
    private final DynamoBankCreditLedger ledger =
            new DynamoBankCreditLedger(dynamoDb, bankTable, transactionsTable, eventsTable, clock);
    private final BankTransferPayments payments =
            new BankTransferPayments(new TransferNumbers(claims), CollectionDetails.TEST_MODE, writer, clock);
    private final BankCreditService credits = new BankCreditService(
            new CreditMatcher(CollectionDetails.TEST_MODE, claims), ledger, transactions, writer, clock);
    private final AuthenticatedKey merchant =
            new AuthenticatedKey("KeyIIIIIIIIIIIII", AdapterTestData.merchantId(), Mode.TEST);

    @Test
    void anOpenedTransferReadsBackAsStoredWithItsAccountReferenceAndExpiry() {
        Transaction opened = open(10000, "EUR");

        Transaction stored = transactions.find(opened.transactionId()).orElseThrow();

        assertEquals(opened, stored);
        assertNull(stored.card());
        assertEquals(opened.bankTransfer().accountFields(), stored.bankTransfer().accountFields());
        assertEquals(new ClaimedTransfer(opened.transactionId(), merchant.merchantId(), Mode.TEST),
                claims.find(TransferScheme.SEPA_CREDIT_TRANSFER, opened.bankTransfer().number()).orElseThrow());
    }

    @Test
    void aNumberIsClaimedAgainOnlyByTheSamePayment() {
        ClaimedTransfer first = new ClaimedTransfer(AdapterTestData.transactionId(), merchant.merchantId(), Mode.TEST);
        ClaimedTransfer other = new ClaimedTransfer(AdapterTestData.transactionId(), merchant.merchantId(), Mode.TEST);
        long number = System.nanoTime() % 10_000_000L;

        assertTrue(claims.claim(TransferScheme.FASTER_PAYMENTS, number, first));
        assertTrue(claims.claim(TransferScheme.FASTER_PAYMENTS, number, first), "a retry of the same payment");
        assertFalse(claims.claim(TransferScheme.FASTER_PAYMENTS, number, other));
    }

    @Test
    void aCreditIsAppliedWithThePaymentsChangeAndEventAndRecordedOnce() {
        Transaction payment = open(10000, "GBP");
        BankCredit credit = creditFor(payment, 10000);

        assertEquals(BankCreditService.Outcome.APPLIED, credits.receive(credit));
        assertEquals(BankCreditService.Outcome.DUPLICATE, credits.receive(credit));

        Transaction after = transactions.find(payment.transactionId()).orElseThrow();
        assertEquals(TransactionStatus.COMPLETED, after.status());
        assertEquals(10000, after.bankTransfer().received().minorUnits());
        Map<String, AttributeValue> item = creditItem(credit.bankReference());
        assertEquals("applied", item.get("outcome").s());
        assertEquals(payment.transactionId(), item.get("transaction_id").s());
        assertFalse(item.containsKey(DynamoBankCreditLedger.HELD_KEY));
    }

    @Test
    void theSameCreditDeliveredToEightConsumersAtOnceIsAppliedOnce() throws Exception {
        Transaction payment = open(10000, "EUR");
        BankCredit credit = creditFor(payment, 2500);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<BankCreditService.Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit((Callable<BankCreditService.Outcome>) () -> credits.receive(credit)));
            }
            int applied = 0;
            for (Future<BankCreditService.Outcome> outcome : outcomes) {
                if (outcome.get() == BankCreditService.Outcome.APPLIED) {
                    applied++;
                }
            }
            assertEquals(1, applied);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2500, transactions.find(payment.transactionId()).orElseThrow().bankTransfer().received().minorUnits());
    }

    @Test
    void aCreditWrittenAgainstAnOldVersionOfThePaymentWritesNothing() {
        Transaction payment = open(10000, "EUR");
        BankCredit first = creditFor(payment, 1000);
        credits.receive(first);
        BankCredit stale = creditFor(payment, 2000);

        BankCreditLedger.Write write = ledger.apply(stale, payment.receiveTransfer(stale.amount(), clock.instant()), null,
                null);

        assertEquals(BankCreditLedger.Write.PAYMENT_CHANGED, write);
        assertTrue(rawCreditItem(stale.bankReference()).isEmpty(), "the credit is not recorded either");
        assertEquals(1000, transactions.find(payment.transactionId()).orElseThrow().bankTransfer().received().minorUnits());
    }

    @Test
    void aHeldCreditIsListedByItsHeldKeyAndACardNumberTypedAsReferenceIsNotStored() {
        BankCredit stray = new BankCredit(Money.of(700, "EUR"), "pay 4242 4242 4242 4242 thanks", null,
                "Max Payer", "IT-" + System.nanoTime(), clock.instant());

        assertEquals(BankCreditService.Outcome.HELD, credits.receive(stray));

        Map<String, AttributeValue> item = creditItem(stray.bankReference());
        assertEquals("held", item.get("outcome").s());
        assertEquals(HeldCredit.Reason.UNMATCHED.wireName(), item.get("held_reason").s());
        assertEquals(DynamoBankCreditLedger.UNATTRIBUTED, item.get(DynamoBankCreditLedger.HELD_KEY).s());
        assertFalse(item.get("reference").s().replace(" ", "").contains("4242424242424242"), item.get("reference").s());
    }

    @Test
    void theExpiryIndexListsPendingTransfersPastTheirExpiryAndForgetsThemOnceFailedOrPaid() {
        Transaction unpaid = open(10000, "USD");
        Transaction paid = open(10000, "USD");
        credits.receive(creditFor(paid, 10000));
        clock.advance(Duration.ofDays(7));

        List<String> due = transactions.expiringBy(clock.instant(), 1000).stream()
                .map(Transaction::transactionId).toList();

        assertTrue(due.contains(unpaid.transactionId()));
        assertFalse(due.contains(paid.transactionId()), "a paid transfer leaves the sparse index");
        assertFalse(transactions.expiringBy(clock.instant().minus(Duration.ofDays(7)).minusSeconds(1), 1000).stream()
                .anyMatch(t -> t.transactionId().equals(unpaid.transactionId())), "not before its expiry");
        Transaction expired = transactions.find(unpaid.transactionId()).orElseThrow().expireTransfer(clock.instant());
        assertTrue(transactions.update(expired, null));
        assertFalse(transactions.expiringBy(clock.instant(), 1000).stream()
                .anyMatch(t -> t.transactionId().equals(unpaid.transactionId())));
    }

    private Transaction open(long minorUnits, String currency) {
        return payments.open(merchant, PaymentEngine.newTransactionId(), new BankTransferRequest(
                Money.of(minorUnits, currency), Map.of("name", "Erika Mustermann"), Map.of(), null,
                TransferExpiry.standard())).transaction();
    }

    private BankCredit creditFor(Transaction payment, long minorUnits) {
        return new BankCredit(Money.of(minorUnits, payment.amount().currencyCode()),
                payment.bankTransfer().reference().printed(), payment.bankTransfer().payInAccount(),
                "Erika Mustermann", "IT-" + System.nanoTime(), clock.instant());
    }

    private Map<String, AttributeValue> creditItem(String bankReference) {
        Map<String, AttributeValue> item = rawCreditItem(bankReference);
        assertFalse(item.isEmpty(), "credit " + bankReference + " is recorded");
        return item;
    }

    private Map<String, AttributeValue> rawCreditItem(String bankReference) {
        return dynamoDb.getItem(get -> get.tableName(bankTable).consistentRead(true)
                .key(Map.of(DynamoTransferNumberClaims.KEY,
                        AttributeValue.fromS(DynamoBankCreditLedger.key(BankCreditIds.of(bankReference))))))
                .item();
    }
}
