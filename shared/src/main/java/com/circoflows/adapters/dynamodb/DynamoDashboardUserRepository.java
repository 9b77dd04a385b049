package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.dashboard.DashboardUser;
import com.circoflows.domain.dashboard.DashboardUserRepository;
import com.circoflows.domain.dashboard.EmailAlreadyRegistered;
import com.circoflows.domain.dashboard.Totp;
import com.circoflows.domain.error.RetryableFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Dashboard users, one item per user ({@code item_key} "user#&lt;user_id&gt;") beside one per email
 * ("email#&lt;email&gt;", holding the user id) that claims the address across all merchants. A user and
 * its claim are written and deleted in one transaction, so an email can never be taken twice nor stay
 * taken by nobody. Only user items carry {@code merchant_id}, so the by_merchant index holds users alone.
 * The password hash, TOTP secret and recovery code hashes are stored as they are (the table is
 * encrypted with the stack's key) and never logged: {@link DashboardUser#toString()} leaves them out.
 */
public final class DynamoDashboardUserRepository implements DashboardUserRepository {
    static final String BY_MERCHANT = "by_merchant";
    /** Writes on the same user at the same instant: DynamoDB cancels one transaction; try it again. */
    private static final int TRANSACTION_ATTEMPTS = 4;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String SAME_USER_AT_VERSION =
            "version = :expected AND user_id = :user AND merchant_id = :merchant AND email = :email";
    private static final String STILL_OWNER = "#role = :owner AND merchant_id = :merchant";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDashboardUserRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(DashboardUser user) {
        Put userItem = Put.builder().tableName(table).item(toItem(user))
                .conditionExpression("attribute_not_exists(item_key)").build();
        Put emailClaim = Put.builder().tableName(table)
                .item(Map.of("item_key", emailKey(user.email()), "user_id", s(user.userId())))
                .conditionExpression("attribute_not_exists(item_key)").build();
        List<CancellationReason> refused = transact(List.of(
                TransactWriteItem.builder().put(userItem).build(),
                TransactWriteItem.builder().put(emailClaim).build()));
        if (conditionFailed(refused, 1)) {
            throw new EmailAlreadyRegistered();
        }
        if (conditionFailed(refused, 0)) {
            throw new IllegalStateException("duplicate dashboard user id " + user.userId());
        }
    }

    @Override
    public Optional<DashboardUser> findByEmail(String normalisedEmail) {
        Map<String, AttributeValue> claim = get(emailKey(normalisedEmail));
        if (claim == null) {
            return Optional.empty();
        }
        // A claim without its user is a deletion seen half-way: the transaction removes both.
        return findById(Attributes.string(claim, "user_id"))
                .filter(user -> user.email().equals(normalisedEmail));
    }

    @Override
    public Optional<DashboardUser> findById(String userId) {
        return Optional.ofNullable(get(userKey(userId))).map(DynamoDashboardUserRepository::fromItem);
    }

    @Override
    public boolean update(DashboardUser changed, long expectedVersion) {
        return update(versionedPut(changed, expectedVersion, false));
    }

    @Override
    public boolean updateWhileOwner(DashboardUser changed, long expectedVersion, String otherOwnerId) {
        if (otherOwnerId == null) {
            return update(changed, expectedVersion);
        }
        if (otherOwnerId.equals(changed.userId())) {
            // DynamoDB refuses two actions on one item in a transaction; the write's own condition checks it.
            return update(versionedPut(changed, expectedVersion, true));
        }
        TransactWriteItem write = TransactWriteItem.builder().put(versionedPut(changed, expectedVersion, false)).build();
        return transact(List.of(write, ownerCheck(otherOwnerId, changed.merchantId()))).isEmpty();
    }

    /**
     * Reads the user first for its email, whose claim goes with it; the read is safe because the
     * deletion is conditional on the version read, and an email never changes.
     */
    @Override
    public boolean delete(String userId, long expectedVersion, String otherOwnerId) {
        Optional<DashboardUser> found = findById(userId);
        if (found.isEmpty() || found.get().version() != expectedVersion) {
            return false;
        }
        DashboardUser user = found.get();
        boolean selfAsOtherOwner = userId.equals(otherOwnerId);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expected", n(expectedVersion)));
        Map<String, String> names = new HashMap<>();
        String condition = "version = :expected";
        if (selfAsOtherOwner) {
            condition += " AND " + STILL_OWNER;
            names.put("#role", "role");
            values.put(":owner", s(DashboardRole.OWNER.name()));
            values.put(":merchant", s(user.merchantId()));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(userKey(userId)))
                .conditionExpression(condition).expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values).build()).build());
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(emailKey(user.email())))
                .conditionExpression("attribute_not_exists(item_key) OR user_id = :user")
                .expressionAttributeValues(Map.of(":user", s(userId))).build()).build());
        if (otherOwnerId != null && !selfAsOtherOwner) {
            writes.add(ownerCheck(otherOwnerId, user.merchantId()));
        }
        List<CancellationReason> refused = transact(writes);
        if (conditionFailed(refused, 1)) {
            throw new IllegalStateException("the email claim of dashboard user " + userId + " names another user");
        }
        return refused.isEmpty();
    }

    @Override
    public List<DashboardUser> listByMerchant(String merchantId) {
        List<DashboardUser> users = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                    .tableName(table).indexName(BY_MERCHANT)
                    .keyConditionExpression("merchant_id = :merchant")
                    .expressionAttributeValues(Map.of(":merchant", s(merchantId)))
                    .exclusiveStartKey(from)));
            page.items().forEach(item -> users.add(fromItem(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return users;
    }

    private boolean update(Put put) {
        return DynamoCalls.conditionally("PutItem", () -> dynamoDb.putItem(request -> request
                .tableName(table).item(put.item()).conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames())
                .expressionAttributeValues(put.expressionAttributeValues())));
    }

    /**
     * The whole user in place of the one stored at {@code expectedVersion}, which must have the same id,
     * merchant and email (they never change); with {@code whileOwner}, only while that one is an owner.
     */
    private Put versionedPut(DashboardUser changed, long expectedVersion, boolean whileOwner) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expected", n(expectedVersion),
                ":user", s(changed.userId()), ":merchant", s(changed.merchantId()), ":email", s(changed.email())));
        String condition = SAME_USER_AT_VERSION;
        if (whileOwner) {
            condition += " AND #role = :owner";
            values.put(":owner", s(DashboardRole.OWNER.name()));
        }
        return Put.builder().tableName(table).item(toItem(changed)).conditionExpression(condition)
                .expressionAttributeNames(whileOwner ? Map.of("#role", "role") : null)
                .expressionAttributeValues(values).build();
    }

    /** The other owner is still an owner of the merchant, checked in the same transaction. */
    private TransactWriteItem ownerCheck(String otherOwnerId, String merchantId) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table).key(key(userKey(otherOwnerId)))
                .conditionExpression(STILL_OWNER)
                .expressionAttributeNames(Map.of("#role", "role"))
                .expressionAttributeValues(Map.of(":owner", s(DashboardRole.OWNER.name()), ":merchant", s(merchantId)))
                .build()).build();
    }

    /**
     * Runs the transaction, again when DynamoDB cancelled it for a concurrent one on the same items.
     * Empty when it was written; otherwise the reasons its conditions refused it (nothing was written).
     */
    private List<CancellationReason> transact(List<TransactWriteItem> writes) {
        for (int attempt = 1; attempt <= TRANSACTION_ATTEMPTS; attempt++) {
            Optional<List<CancellationReason>> outcome = DynamoCalls.call("TransactWriteItems", () -> {
                try {
                    dynamoDb.transactWriteItems(transaction -> transaction.transactItems(writes));
                    return Optional.of(List.<CancellationReason>of());
                } catch (TransactionCanceledException e) {
                    List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                    if (reasons.stream().anyMatch(reason -> CONDITION_FAILED.equals(reason.code()))) {
                        return Optional.of(reasons);
                    }
                    if (reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                        return Optional.empty();
                    }
                    throw e;
                }
            });
            if (outcome.isPresent()) {
                return outcome.get();
            }
            pauseBeforeRetry(attempt);
        }
        throw new RetryableFailure("DynamoDB TransactWriteItems kept conflicting with other writes of the user", null);
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 30L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while retrying a dashboard user write", e);
        }
    }

    private Map<String, AttributeValue> get(AttributeValue itemKey) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(key(itemKey)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Map<String, AttributeValue> toItem(DashboardUser user) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("item_key", userKey(user.userId()));
        item.put("user_id", s(user.userId()));
        item.put("merchant_id", s(user.merchantId()));
        item.put("email", s(user.email()));
        Attributes.putIfPresent(item, "display_name", user.displayName());
        item.put("role", s(user.role().name()));
        item.put("password_hash", s(user.passwordHash()));
        item.put("created_at", Attributes.time(user.createdAt()));
        item.put("password_changed_at", Attributes.time(user.passwordChangedAt()));
        item.put("must_change_password", AttributeValue.fromBool(user.mustChangePassword()));
        if (user.totpSecret() != null) {
            item.put("totp_secret", s(user.totpSecret()));
            item.put("totp_last_used_step", n(user.totpLastUsedStep()));
            // A list, not a string set: a set cannot be empty, and a code is removed by its position.
            item.put("recovery_code_hashes",
                    AttributeValue.fromL(user.recoveryCodeHashes().stream().map(Attributes::s).toList()));
        }
        item.put("version", n(user.version()));
        return item;
    }

    private static DashboardUser fromItem(Map<String, AttributeValue> item) {
        String totpSecret = Attributes.string(item, "totp_secret");
        AttributeValue recoveryCodes = item.get("recovery_code_hashes");
        return new DashboardUser(
                Attributes.string(item, "user_id"),
                Attributes.string(item, "merchant_id"),
                Attributes.string(item, "email"),
                Attributes.string(item, "display_name"),
                DashboardRole.valueOf(Attributes.string(item, "role")),
                Attributes.string(item, "password_hash"),
                Attributes.time(item, "created_at"),
                Attributes.time(item, "password_changed_at"),
                Boolean.TRUE.equals(item.get("must_change_password").bool()),
                totpSecret,
                totpSecret == null ? Totp.NO_STEP_USED
                        : Attributes.number(item, "totp_last_used_step"),
                recoveryCodes == null || !recoveryCodes.hasL() ? List.of()
                        : recoveryCodes.l().stream().map(AttributeValue::s).toList(),
                Attributes.number(item, "version"));
    }

    private static AttributeValue userKey(String userId) {
        return s("user#" + userId);
    }

    private static AttributeValue emailKey(String normalisedEmail) {
        return s("email#" + normalisedEmail);
    }

    private static Map<String, AttributeValue> key(AttributeValue itemKey) {
        return Map.of("item_key", itemKey);
    }
}
