package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.number;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.putIfPresent;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditIds;
import com.circoflows.domain.banktransfer.BankCreditLedger;
import com.circoflows.domain.banktransfer.HeldCredit;
import com.circoflows.domain.banktransfer.RecordedCredit;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Credits in the bank transfers table, one item per bank reference ("credit#&lt;credit id&gt;", the id derived
 * from the bank reference by {@link BankCreditIds}), put on the condition that none is there. Applying a credit writes that item, the payment (on its version) and
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

    static final String BY_HELD_KEY = "by_held_key";

    /** For functions that read credits or return them, and never change a payment: given no payment tables. */
    public static DynamoBankCreditLedger withoutPayments(DynamoDbClient dynamoDb, String table, Clock clock) {
        return new DynamoBankCreditLedger(dynamoDb, table, null, null, clock);
    }

    static String key(String creditId) {
        return "credit#" + creditId;
    }

    @Override
    public boolean isRecorded(String bankReference) {
        return item(BankCreditIds.of(bankReference)) != null;
    }

    @Override
    public Optional<RecordedCredit> find(String creditId) {
        Map<String, AttributeValue> item = item(creditId);
        return item == null ? Optional.empty() : Optional.of(recorded(item));
    }

    @Override
    public Page listHeld(String merchantId, Mode mode, int limit, String cursor) {
        String heldKey = merchantId + "#" + mode.wireName();
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            String[] parts = PageCursors.decode(cursor, 4, merchantId, mode.wireName());
            if (!Attributes.isTime(parts[2]) || !BankCreditIds.isWellFormed(parts[3])) {
                throw PageCursors.invalid();
            }
            start = Map.of(HELD_KEY, s(heldKey), "received_at", s(parts[2]),
                    DynamoTransferNumberClaims.KEY, s(key(parts[3])));
        }
        Map<String, AttributeValue> from = start;
        QueryResponse page = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(table)
                .indexName(BY_HELD_KEY)
                .keyConditionExpression(HELD_KEY + " = :key")
                .expressionAttributeValues(Map.of(":key", s(heldKey)))
                .scanIndexForward(false)
                .exclusiveStartKey(from)
                .limit(limit)));
        List<RecordedCredit> credits = page.items().stream().map(DynamoBankCreditLedger::recorded).toList();
        String next = null;
        if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && !credits.isEmpty()) {
            RecordedCredit last = credits.get(credits.size() - 1);
            next = PageCursors.encode(merchantId, mode.wireName(), Attributes.time(last.receivedAt()).s(),
                    last.creditId());
        }
        return new Page(credits, next);
    }

    @Override
    public Write assign(RecordedCredit held, Transaction updated, WebhookEvent event, Instant at) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(Map.of(DynamoTransferNumberClaims.KEY, s(key(held.creditId()))))
                .updateExpression("SET outcome = :applied, transaction_id = :transaction, settled_at = :at"
                        + " REMOVE " + HELD_KEY + ", held_reason")
                .conditionExpression("outcome = :held")
                .expressionAttributeValues(Map.of(":applied", s("applied"), ":held", s("held"),
                        ":transaction", s(updated.transactionId()), ":at", time(at)))
                .build()).build());
        writes.add(paymentPut(updated));
        if (event != null) {
            writes.add(eventPut(event));
        }
        return transact(writes);
    }

    @Override
    public Write markReturned(RecordedCredit held, String returnId, Instant at) {
        return DynamoCalls.call("UpdateItem", () -> {
            try {
                dynamoDb.updateItem(update -> update.tableName(table)
                        .key(Map.of(DynamoTransferNumberClaims.KEY, s(key(held.creditId()))))
                        .updateExpression("SET outcome = :returned, return_id = :return, settled_at = :at"
                                + " REMOVE " + HELD_KEY)
                        .conditionExpression("outcome = :held")
                        .expressionAttributeValues(Map.of(":returned", s("returned"), ":held", s("held"),
                                ":return", s(returnId), ":at", time(at))));
                return Write.RECORDED;
            } catch (ConditionalCheckFailedException gone) {
                return Write.DUPLICATE;
            }
        });
    }

    private Map<String, AttributeValue> item(String creditId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table)
                .key(Map.of(DynamoTransferNumberClaims.KEY, s(key(creditId))))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static RecordedCredit recorded(Map<String, AttributeValue> item) {
        String mode = string(item, "mode");
        String reason = string(item, "held_reason");
        return new RecordedCredit(string(item, "credit_id"), string(item, "bank_reference"),
                new Money(number(item, "amount"), Money.parseCurrency(string(item, "currency"))),
                string(item, "reference"), string(item, "payer_name"), time(item, "received_at"),
                RecordedCredit.Outcome.fromWireName(string(item, "outcome")),
                reason == null ? null : HeldCredit.Reason.fromWireName(reason), string(item, "merchant_id"),
                mode == null ? null : Mode.fromWireName(mode), string(item, "transaction_id"),
                string(item, "return_id"), time(item, "settled_at"));
    }


    @Override
    public Write apply(BankCredit credit, Transaction updated, WebhookEvent event, HeldCredit excess) {
        Map<String, AttributeValue> item = creditItem(credit);
        item.put("outcome", s("applied"));
        item.put("transaction_id", s(updated.transactionId()));
        item.put("merchant_id", s(updated.merchantId()));
        item.put("mode", s(updated.mode().wireName()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(creditPut(item));
        writes.add(paymentPut(updated));
        if (event != null) {
            writes.add(eventPut(event));
        }
        if (excess != null) {
            writes.add(creditPut(heldItem(excess)));
        }
        return transact(writes);
    }

    /** The payment first here: its condition failing is the only outcome; the held credit's id is new. */
    @Override
    public Write expire(Transaction expired, WebhookEvent event, HeldCredit received) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(paymentPut(expired));
        if (event != null) {
            writes.add(eventPut(event));
        }
        if (received != null) {
            writes.add(creditPut(heldItem(received)));
        }
        return DynamoCalls.call("TransactWriteItems", () -> {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(writes));
                return Write.RECORDED;
            } catch (TransactionCanceledException e) {
                if (DynamoCalls.conditionFailed(e, 0)) {
                    return Write.PAYMENT_CHANGED;
                }
                throw e;
            }
        });
    }

    private TransactWriteItem paymentPut(Transaction updated) {
        if (transactionsTable == null) {
            throw new IllegalStateException("this ledger was built without the payment tables");
        }
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(transactionsTable)
                .item(TransactionItems.toItem(updated))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(updated.version() - 1)))
                .build()).build();
    }

    private TransactWriteItem eventPut(WebhookEvent event) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(eventsTable)
                .item(WebhookEventItems.toItem(event))
                .conditionExpression("attribute_not_exists(event_id)")
                .build()).build();
    }

    /** The credit's write first, the payment's second: which condition failed says what happened. */
    private Write transact(List<TransactWriteItem> writes) {
        return DynamoCalls.call("TransactWriteItems", () -> {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(writes));
                return Write.RECORDED;
            } catch (TransactionCanceledException e) {
                if (DynamoCalls.conditionFailed(e, 0)) {
                    return Write.DUPLICATE;
                }
                if (DynamoCalls.conditionFailed(e, 1)) {
                    return Write.PAYMENT_CHANGED;
                }
                throw e;
            }
        });
    }

    @Override
    public Write hold(HeldCredit held) {
        Map<String, AttributeValue> item = heldItem(held);
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

    private Map<String, AttributeValue> heldItem(HeldCredit held) {
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
        return item;
    }

    /**
     * What the bank said, but never a card number a payer typed into its free text (masked in the reference,
     * the payer's name and the account).
     */
    private Map<String, AttributeValue> creditItem(BankCredit credit) {
        Map<String, AttributeValue> item = new HashMap<>();
        String creditId = BankCreditIds.of(credit.bankReference());
        item.put(DynamoTransferNumberClaims.KEY, s(key(creditId)));
        item.put("credit_id", s(creditId));
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
}
