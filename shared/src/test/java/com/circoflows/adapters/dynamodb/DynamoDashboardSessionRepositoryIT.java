package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.dashboard.DashboardSession;
import com.circoflows.domain.dashboard.DashboardSessionRepository;
import com.circoflows.domain.dashboard.DashboardSessionRepositoryContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The session port's contract on the template's DashboardSessionsTable, through the real SDK, and its TTL. */
class DynamoDashboardSessionRepositoryIT extends DashboardSessionRepositoryContract {
    private final String table = LocalStackFixture.table("DashboardSessionsTable");
    private final DynamoDashboardSessionRepository sessions =
            new DynamoDashboardSessionRepository(LocalStackFixture.dynamoDb(), table);

    @Override
    protected DashboardSessionRepository sessions() {
        return sessions;
    }

    @Test
    void theTableForgetsASessionByTtlNoSoonerThanItExpires() {
        assertEquals("purge_at", LocalStackFixture.dynamoDb().describeTimeToLive(r -> r.tableName(table))
                .timeToLiveDescription().attributeName());
        DashboardSession session = session(userId(), false);

        sessions.save(session);

        Map<String, AttributeValue> item = rawItem(session.tokenHash());
        assertEquals(String.valueOf(session.expiresAt().getEpochSecond() + 1), item.get("purge_at").n(),
                "rounded up from " + session.expiresAt());
        assertEquals("2030-03-04T17:06:07.089Z", item.get("expires_at").s());
    }

    @Test
    void theTokenItselfIsNeverAKeyOnlyItsHash() {
        DashboardSession session = session(userId(), false);

        sessions.save(session);

        assertFalse(rawItem(session.tokenHash()).isEmpty());
        assertEquals(1_900_000_001L, DynamoDashboardSessionRepository.epochSecondsRoundedUp(
                Instant.ofEpochSecond(1_900_000_000L, 1)));
        assertEquals(1_900_000_000L, DynamoDashboardSessionRepository.epochSecondsRoundedUp(
                Instant.ofEpochSecond(1_900_000_000L)));
    }

    private Map<String, AttributeValue> rawItem(String tokenHash) {
        return LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("token_hash", AttributeValue.fromS(tokenHash))).consistentRead(true)).item();
    }
}
