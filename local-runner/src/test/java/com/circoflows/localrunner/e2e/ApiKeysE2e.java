package com.circoflows.localrunner.e2e;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.Mode;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** API keys as the isolation proof needs them: the parts of a key's text, and a revoked key. */
final class ApiKeysE2e {
    private static final int LOOKUP_ID_START = "cf_test_".length();
    private static final int LOOKUP_ID_END = LOOKUP_ID_START + 16;

    private ApiKeysE2e() {
    }

    /** A second key of the merchant's, revoked before it was ever used. */
    static String issueAndRevoke(E2e e2e, String merchantId) {
        String table = e2e.tableName("ApiKeysTable");
        String key = new ApiKeyIssuer(new DynamoApiKeyRepository(e2e.dynamoDb(), table), new BcryptSecretHasher(4),
                Clock.systemUTC()).issue(merchantId, Mode.TEST).fullKey();
        e2e.dynamoDb().updateItem(update -> update.tableName(table)
                .key(Map.of("key_id", AttributeValue.fromS(lookupId(key))))
                .updateExpression("SET #status = :revoked")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":revoked", AttributeValue.fromS("revoked"))));
        return key;
    }

    static String lookupId(String fullKey) {
        return fullKey.substring(LOOKUP_ID_START, LOOKUP_ID_END);
    }

    /** The key id the key API shows: key_ and the lookup id. */
    static String publicKeyId(String fullKey) {
        return "key_" + lookupId(fullKey);
    }
}
