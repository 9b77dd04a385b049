package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.dashboard.AccountAttempts;
import com.circoflows.domain.dashboard.AddressAttempts;
import com.circoflows.domain.dashboard.LoginAttemptStore;
import com.circoflows.domain.dashboard.LoginAttemptStoreContract;
import com.circoflows.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sign-in counts' contract on the template's LoginAttemptsTable, through the real SDK, and its TTL. */
class DynamoLoginAttemptStoreIT extends LoginAttemptStoreContract {
    private final String table = LocalStackFixture.table("LoginAttemptsTable");
    private final MutableClock clock = new MutableClock(NOW);
    private final DynamoLoginAttemptStore store = new DynamoLoginAttemptStore(LocalStackFixture.dynamoDb(), table, clock);

    @Override
    protected LoginAttemptStore store() {
        return store;
    }

    @Test
    void aRecordCarriesItsKeepUntilAsTheTtlInEpochSeconds() {
        assertEquals("purge_at", LocalStackFixture.dynamoDb().describeTimeToLive(r -> r.tableName(table))
                .timeToLiveDescription().attributeName());
        String email = email();

        store.saveAccount(email, AccountAttempts.NONE, new AccountAttempts(1, NOW), NOW.plusSeconds(60));

        Map<String, AttributeValue> item = rawItem("account#" + email);
        assertEquals(String.valueOf(NOW.getEpochSecond() + 61), item.get("purge_at").n(), "rounded up");
        assertEquals("1", item.get("failures").n());
    }

    @Test
    void aRecordPastItsKeepUntilReadsAsNoneBeforeTtlRemovesItAndASaveFromNoneReplacesIt() {
        String email = email();
        String address = address();
        store.saveAccount(email, AccountAttempts.NONE, new AccountAttempts(7, NOW), NOW.plusSeconds(60));
        store.saveAddress(address, AddressAttempts.NONE, new AddressAttempts(1_900_000_000L, 30), NOW.plusSeconds(60));

        clock.advance(Duration.ofSeconds(62));

        assertEquals(AccountAttempts.NONE, store.loadAccount(email));
        assertEquals(AddressAttempts.NONE, store.loadAddress(address));
        assertFalse(rawItem("account#" + email).isEmpty(), "still there: TTL runs late");
        assertTrue(store.saveAccount(email, AccountAttempts.NONE, new AccountAttempts(1, clock.instant()),
                clock.instant().plusSeconds(60)));
        assertEquals(new AccountAttempts(1, clock.instant()), store.loadAccount(email));
    }

    @Test
    void savingNoneDeletesTheItem() {
        String email = email();
        AccountAttempts two = new AccountAttempts(2, NOW);
        store.saveAccount(email, AccountAttempts.NONE, two, NOW.plusSeconds(60));

        assertTrue(store.saveAccount(email, two, AccountAttempts.NONE, NOW));

        assertTrue(rawItem("account#" + email).isEmpty());
    }

    private Map<String, AttributeValue> rawItem(String attemptKey) {
        return LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("attempt_key", AttributeValue.fromS(attemptKey))).consistentRead(true)).item();
    }
}
