package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hosted payment sessions of one merchant, through the API as the merchant's server calls it. */
final class Sessions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final E2e e2e;
    private final E2e.TestMerchant merchant;

    Sessions(E2e e2e, E2e.TestMerchant merchant) {
        this.e2e = e2e;
        this.merchant = merchant;
    }

    /** The reference's request example: USD 250.00, "Premium Subscription - Annual Plan", Jane Smith. */
    static ObjectNode referenceExample() {
        ObjectNode body = JSON.createObjectNode()
                .put("amount", 25000)
                .put("currency", "USD")
                .put("description", "Premium Subscription - Annual Plan");
        body.putObject("customer_info")
                .put("name", "Jane Smith")
                .put("email", "jane@example.com")
                .put("phone", "+1234567890");
        body.putObject("metadata")
                .put("subscription_id", "sub_12345")
                .put("plan_type", "premium_annual");
        return body;
    }

    /** Creates the session; returns the created data (session_id, payment_url, ...). */
    JsonNode create(ObjectNode body) {
        HttpResult created = merchant.api().post("/api/hosted-payment", body);
        assertEquals(200, created.status(), created::describe);
        JsonNode data = created.data();
        assertTrue(data.path("session_id").asText().startsWith("sess_"), created::describe);
        assertEquals(e2e.baseUrl() + "/pay/" + data.path("session_id").asText(), data.path("payment_url").asText(),
                created::describe);
        return data;
    }

    /** A session of the reference's example returning to {@code returnUrl} (null for none). */
    JsonNode create(String returnUrl) {
        ObjectNode body = referenceExample();
        if (returnUrl != null) {
            body.put("return_url", returnUrl);
        }
        return create(body);
    }

    /** A session that expires {@code seconds} from now. */
    JsonNode createExpiringIn(long seconds, String returnUrl) {
        ObjectNode body = referenceExample();
        body.put("return_url", returnUrl);
        body.put("expires_at", Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString());
        return create(body);
    }

    JsonNode status(String sessionId) {
        HttpResult status = merchant.api().get("/api/hosted-payment/" + sessionId);
        assertEquals(200, status.status(), status::describe);
        return status.data();
    }

    HttpResult cancel(String sessionId) {
        return merchant.api().post("/api/hosted-payment/" + sessionId + "/cancel", "");
    }

    /** GET /pay/{session_id} as plain HTTP, to see the page's status code. */
    HttpResult page(String sessionId) {
        return merchant.api().get("/pay/" + sessionId);
    }

    JsonNode transaction(String transactionId) {
        HttpResult status = merchant.api().get("/api/direct-payment/" + transactionId);
        assertEquals(200, status.status(), status::describe);
        return status.data();
    }

    /** Every transaction stored for the session (read from the table: the API has no list endpoint). */
    List<Map<String, AttributeValue>> transactionsOf(String sessionId) {
        return e2e.dynamoDb().scanPaginator(r -> r.tableName(e2e.tableName("TransactionsTable"))
                        .filterExpression("session_id = :s")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(sessionId))))
                .items().stream().toList();
    }
}
