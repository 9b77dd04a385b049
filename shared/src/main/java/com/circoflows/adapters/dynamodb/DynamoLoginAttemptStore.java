package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.dashboard.AccountAttempts;
import com.circoflows.domain.dashboard.AddressAttempts;
import com.circoflows.domain.dashboard.LoginAttemptStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sign-in failures per email ({@code attempt_key} "account#&lt;email&gt;") and per client address
 * ("address#&lt;address&gt;"). Every save is a write conditional on the stored record still being the one
 * the caller loaded. {@code purge_at} (epoch seconds, keepUntil rounded up) is the table's TTL; since
 * DynamoDB may remove an item days after that, a record past it already reads as none, and a save that
 * expects none may replace it.
 */
public final class DynamoLoginAttemptStore implements LoginAttemptStore {
    private static final String ABSENT_OR_PURGEABLE = "attribute_not_exists(attempt_key) OR purge_at <= :now";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoLoginAttemptStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public AccountAttempts loadAccount(String email) {
        Map<String, AttributeValue> item = load(accountKey(email));
        return item == null ? AccountAttempts.NONE
                : new AccountAttempts(Math.toIntExact(Attributes.number(item, "failures")), time(item, "last_failure_at"));
    }

    @Override
    public boolean saveAccount(String email, AccountAttempts expected, AccountAttempts next, Instant keepUntil) {
        Condition stillExpected = expected.equals(AccountAttempts.NONE) ? absent()
                : new Condition("failures = :failures AND last_failure_at = :last",
                        Map.of(":failures", n(expected.consecutiveFailures()), ":last", time(expected.lastFailureAt())));
        if (next.equals(AccountAttempts.NONE)) {
            return delete(accountKey(email), stillExpected);
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("failures", n(next.consecutiveFailures()));
        item.put("last_failure_at", time(next.lastFailureAt()));
        return put(accountKey(email), item, keepUntil, stillExpected);
    }

    @Override
    public AddressAttempts loadAddress(String address) {
        Map<String, AttributeValue> item = load(addressKey(address));
        return item == null ? AddressAttempts.NONE
                : new AddressAttempts(Attributes.number(item, "window_start"),
                        Math.toIntExact(Attributes.number(item, "failures")));
    }

    @Override
    public boolean saveAddress(String address, AddressAttempts expected, AddressAttempts next, Instant keepUntil) {
        Condition stillExpected = expected.equals(AddressAttempts.NONE) ? absent()
                : new Condition("window_start = :window AND failures = :failures",
                        Map.of(":window", n(expected.windowStart()), ":failures", n(expected.failures())));
        if (next.equals(AddressAttempts.NONE)) {
            return delete(addressKey(address), stillExpected);
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("window_start", n(next.windowStart()));
        item.put("failures", n(next.failures()));
        return put(addressKey(address), item, keepUntil, stillExpected);
    }

    private record Condition(String expression, Map<String, AttributeValue> values) {
    }

    /** What {@link #load} reads as none: no item, or one past its purge time that TTL has not removed yet. */
    private Condition absent() {
        return new Condition(ABSENT_OR_PURGEABLE, Map.of(":now", n(clock.instant().getEpochSecond())));
    }

    private Map<String, AttributeValue> load(AttributeValue attemptKey) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(Map.of("attempt_key", attemptKey)).consistentRead(true))).item();
        if (item == null || item.isEmpty() || Attributes.number(item, "purge_at") <= clock.instant().getEpochSecond()) {
            return null;
        }
        return item;
    }

    private boolean put(AttributeValue attemptKey, Map<String, AttributeValue> record, Instant keepUntil,
            Condition condition) {
        Map<String, AttributeValue> item = new HashMap<>(record);
        item.put("attempt_key", attemptKey);
        item.put("purge_at", n(DynamoDashboardSessionRepository.epochSecondsRoundedUp(keepUntil)));
        return DynamoCalls.conditionally("PutItem", () -> dynamoDb.putItem(put -> put
                .tableName(table).item(item)
                .conditionExpression(condition.expression())
                .expressionAttributeValues(condition.values())));
    }

    private boolean delete(AttributeValue attemptKey, Condition condition) {
        return DynamoCalls.conditionally("DeleteItem", () -> dynamoDb.deleteItem(delete -> delete
                .tableName(table).key(Map.of("attempt_key", attemptKey))
                .conditionExpression(condition.expression())
                .expressionAttributeValues(condition.values())));
    }

    private static AttributeValue accountKey(String email) {
        return s("account#" + email);
    }

    private static AttributeValue addressKey(String address) {
        return s("address#" + address);
    }
}
