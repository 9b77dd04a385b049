package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.putIfPresent;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditLedger;
import com.circoflows.domain.banktransfer.HeldCredit;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Credits in the bank transfers table, one item per bank reference ("credit#&lt;bank reference&gt;"), put on
 * the condition that none is there. Applying a credit writes that item, the payment (on its version) and
 * the payment's event in one TransactWriteItems. Held credits carry held_key ("&lt;merchant&gt;#&lt;mode&gt;",
 * or "unattributed"), the sparse index they are listed by for assignment or return.
 */
public final class DynamoBankCreditLedger implements BankCreditLedger {
    static final String HELD_KEY = "held_key";
    static final String UNATTRIBUTED = "unattributed";
    /** Longest payer reference kept; the schemes carry 140 characters at most. */
    private static final int LONGEST_REFERENCE = 140;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String transactionsTable;
    private final String eventsTable;
    private final Clock clock;

    public DynamoBankCreditLedger(DynamoDbClient dynamoDb, String table, String transactionsTable, String eventsTable,
            Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.transactionsTable = transactionsTable;
        this.eventsTable = eventsTable;
        this.clock = clock;
    }

    static String key(String bankReference) {
        return "credit#" + bankReference;
    }

    @Override
    public boolean isRecorded(String bankReference) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table)
                .key(Map.of(DynamoTransferNumberClaims.KEY, s(key(bankReference))))
                .consistentRead(true))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public Write apply(BankCredit credit, Transaction updated, WebhookEvent event) {
        Map<String, AttributeValue> item = creditItem(credit);
        item.put("outcome", s("applied"));
        item.put("transaction_id", s(updated.transactionId()));
        item.put("merchant_id", s(updated.merchantId()));
        item.put("mode", s(updated.mode().wireName()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(creditPut(item));
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(transactionsTable)
                .item(TransactionItems.toItem(updated))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(updated.version() - 1)))
                .build()).build());
        if (event != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(eventsTable)
                    .item(WebhookEventItems.toItem(event))
                    .conditionExpression("attribute_not_exists(event_id)")
                    .build()).build());
        }
        return DynamoCalls.call("TransactWriteItems", () -> {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(writes));
                return Write.RECORDED;
            } catch (TransactionCanceledException e) {
                if (conditionFailed(e, 0)) {
                    return Write.DUPLICATE;
                }
                if (conditionFailed(e, 1)) {
                    return Write.PAYMENT_CHANGED;
                }
                throw e;
            }
        });
    }

    @Override
    public Write hold(HeldCredit held) {
        Map<String, AttributeValue> item = creditItem(held.credit());
        item.put("outcome", s("held"));
        item.put("held_reason", s(held.reason().wireName()));
        putIfPresent(item, "transaction_id", held.transactionId());
        putIfPresent(item, "merchant_id", held.merchantId());
        if (held.mode() != null) {
            item.put("mode", s(held.mode().wireName()));
        }
        item.put(HELD_KEY, s(held.merchantId() == null ? UNATTRIBUTED
                : held.merchantId() + "#" + held.mode().wireName()));
        return DynamoCalls.call("PutItem", () -> {
            try {
                dynamoDb.putItem(put -> put.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(" + DynamoTransferNumberClaims.KEY + ")"));
                return Write.RECORDED;
            } catch (ConditionalCheckFailedException seen) {
                return Write.DUPLICATE;
            }
        });
    }

    /**
     * What the bank said, but never a card number a payer typed into its free text (masked in the reference,
     * the payer's name and the account).
     */
    private Map<String, AttributeValue> creditItem(BankCredit credit) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DynamoTransferNumberClaims.KEY, s(key(credit.bankReference())));
        item.put("bank_reference", s(credit.bankReference()));
        item.put("amount", n(credit.amount().minorUnits()));
        item.put("currency", s(credit.amount().currencyCode()));
        if (credit.reference() != null) {
            String reference = credit.reference().length() > LONGEST_REFERENCE
                    ? credit.reference().substring(0, LONGEST_REFERENCE) : credit.reference();
            item.put("reference", s(CardNumberDetector.mask(reference)));
        }
        if (credit.virtualAccount() != null) {
            item.put("virtual_account", s(CardNumberDetector.mask(credit.virtualAccount())));
        }
        if (credit.payerName() != null) {
            item.put("payer_name", s(CardNumberDetector.mask(credit.payerName())));
        }
        item.put("received_at", time(credit.receivedAt()));
        item.put("recorded_at", time(clock.instant()));
        return item;
    }

    private TransactWriteItem creditPut(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(" + DynamoTransferNumberClaims.KEY + ")")
                .build()).build();
    }

    private static boolean conditionFailed(TransactionCanceledException cancelled, int index) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(cancelled.cancellationReasons().get(index).code());
    }
}
