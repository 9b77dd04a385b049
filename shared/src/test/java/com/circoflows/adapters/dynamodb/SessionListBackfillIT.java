package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionListFilter;
import com.circoflows.domain.session.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SessionListBackfillIT {
    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String sessionsTable = LocalStackFixture.table("PaymentSessionsTable");
    private final DynamoPaymentSessionRepository sessions =
            DynamoPaymentSessionRepository.sessionsOnly(dynamoDb, sessionsTable);
    private final DynamoPaymentSessionList list = new DynamoPaymentSessionList(dynamoDb, sessionsTable);
    private final SessionListBackfill backfill = new SessionListBackfill(dynamoDb, sessionsTable);

    @Test
    void aSessionStoredBeforeTheListIsListedAfterTheBackfillAndARepeatChangesNothing() {
        String merchantId = AdapterTestData.merchantId();
        PaymentSession legacy = storedAsBeforeTheList(merchantId);
        assertEquals(List.of(), listed(merchantId), "not in the list index yet");

        int first = backfill.run();

        assertTrue(first >= 1, "gave at least this session its key: " + first);
        assertEquals(List.of(legacy.sessionId()), listed(merchantId));
        assertEquals(0, backfill.run(), "nothing left to do");
        assertEquals(legacy, sessions.find(legacy.sessionId()).orElseThrow(), "the rest untouched");
    }

    @Test
    void aSessionWrittenByTheApiCarriesItsListKeyAndIsListedAtOnce() {
        String merchantId = AdapterTestData.merchantId();
        PaymentSession session = pending(merchantId);
        sessions.insert(session);

        assertEquals(List.of(session.sessionId()), listed(merchantId));
        assertTrue(sessions.update(session.cancel(Instant.now())));
        assertEquals(List.of(session.sessionId()), listed(merchantId), "an update keeps it in the index");
    }

    /** Inserted, then stripped of what this release adds: an item as an older release wrote it. */
    private PaymentSession storedAsBeforeTheList(String merchantId) {
        PaymentSession session = pending(merchantId);
        sessions.insert(session);
        dynamoDb.updateItem(update -> update.tableName(sessionsTable)
                .key(Map.of("session_id", AttributeValue.fromS(session.sessionId())))
                .updateExpression("REMOVE " + SessionListKeys.LIST_KEY));
        return session;
    }

    private static PaymentSession pending(String merchantId) {
        Instant now = AdapterTestData.CREATED_AT;
        return new PaymentSession(RandomIds.withPrefix("sess_", 24), merchantId, Mode.TEST, 25000, "USD",
                "Premium Subscription - Annual Plan", AdapterTestData.customerInfo(), AdapterTestData.metadata(),
                null, null, SessionStatus.PENDING, null, null, null, null, now, now.plus(Duration.ofDays(3650)),
                null, null, 1);
    }

    private List<String> listed(String merchantId) {
        return list.list(merchantId, Mode.TEST, new SessionListFilter(null, Instant.now()), 100, null).sessions()
                .stream().map(PaymentSession::sessionId).toList();
    }
}
