package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.session.PaymentSession;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Gives the sessions stored before GET /api/hosted-payment existed their list_key: until then they are
 * not in by_list_key_created, so not listed. Safe to run again and while the API runs: it reads only
 * sessions that still lack list_key (one Scan of the table: an operator's one-off, never a request's
 * read) and sets it with a conditional UpdateItem that does nothing if an API write gave it meanwhile
 * (every write of a session carries it; merchant, mode and id, all it is made of, never change). A run
 * cut short resumes where it stopped. Run by {@code bin/admin backfill-session-list}.
 */
public final class SessionListBackfill {
    private final DynamoDbClient dynamoDb;
    private final String sessionsTable;

    public SessionListBackfill(DynamoDbClient dynamoDb, String sessionsTable) {
        this.dynamoDb = dynamoDb;
        this.sessionsTable = sessionsTable;
    }

    /** Returns how many sessions it gave their list key. */
    public int run() {
        int updated = 0;
        var pages = dynamoDb.scanPaginator(scan -> scan
                .tableName(sessionsTable)
                .filterExpression("attribute_not_exists(" + SessionListKeys.LIST_KEY + ")"));
        for (Map<String, AttributeValue> item : pages.items()) {
            PaymentSession session = PaymentSessionItems.fromItem(item);
            String listKey = SessionListKeys.listKey(session.merchantId(), session.mode(), session.sessionId());
            if (DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                    .tableName(sessionsTable)
                    .key(Map.of("session_id", s(session.sessionId())))
                    .updateExpression("SET " + SessionListKeys.LIST_KEY + " = :list")
                    .conditionExpression("attribute_exists(session_id) AND attribute_not_exists("
                            + SessionListKeys.LIST_KEY + ")")
                    .expressionAttributeValues(Map.of(":list", s(listKey)))))) {
                updated++;
            }
        }
        return updated;
    }
}
