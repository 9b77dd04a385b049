package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class SamTemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void loadProjectTemplate() {
        template = SamTemplate.load(SamTemplate.locate());
    }

    @Test
    void locatesTheProjectTemplateFromTheModuleDirectory() {
        Path located = SamTemplate.locate();
        assertEquals(SamTemplate.FILE_NAME, located.getFileName().toString());
        assertTrue(Path.of("").toAbsolutePath().startsWith(located.getParent()));
    }

    @Test
    void findsTheLogoUploadBucketWhichTheLocalS3StandInServes() {
        assertEquals(List.of("LogoUploadBucket"), SamTemplate.load(SamTemplate.locate()).bucketIds());
        assertEquals("local-logouploadbucket", LocalS3.bucketName("LogoUploadBucket"));
    }

    @Test
    void findsTheSeventeenTablesInTemplateOrder() {
        assertEquals(
                List.of("MerchantsTable", "LogosTable", "ApiKeysTable", "TransactionsTable", "TransactionSearchTable", "RefundsTable",
                        "BankTransfersTable", "WalletTokensTable", "PaymentSessionsTable",
                        "WebhookEventsTable", "RateLimitsTable", "RiskCountersTable", "IdempotencyTable",
                        "GatewayAuthorizationsTable", "DashboardUsersTable", "DashboardSessionsTable",
                        "LoginAttemptsTable"),
                template.tables().stream().map(TableDefinition::logicalId).toList());
    }

    @Test
    void readsHashOnlyKeyOfMerchantsTable() {
        TableDefinition merchants = template.table("MerchantsTable");
        assertEquals("merchant_id", merchants.hashKey());
        assertNull(merchants.rangeKey());
        assertEquals(Map.of("merchant_id", "S"), merchants.attributeTypes());
        assertTrue(merchants.globalSecondaryIndexes().isEmpty());
    }

    @Test
    void readsTheMerchantCaptureListStatusAndTransferExpiryIndexesOfTransactionsTable() {
        TableDefinition transactions = template.table("TransactionsTable");
        assertEquals("transaction_id", transactions.hashKey());
        assertEquals(Map.of("transaction_id", "S", "merchant_id", "S", "created_at", "S", "capture_key", "S",
                "list_key", "S", "status_key", "S", "transfer_expiry_key", "S", "transfer_expires_at", "S"),
                transactions.attributeTypes());
        assertEquals(List.of(new IndexDefinition("by_merchant_created", "merchant_id", "created_at", "ALL", List.of()),
                new IndexDefinition("by_capture_key", "capture_key", "created_at", "ALL", List.of()),
                new IndexDefinition("by_list_key_created", "list_key", "created_at", "ALL", List.of()),
                new IndexDefinition("by_status_key_created", "status_key", "created_at", "ALL", List.of()),
                new IndexDefinition("by_transfer_expiry", "transfer_expiry_key", "transfer_expires_at", "ALL", List.of())),
                transactions.globalSecondaryIndexes());
    }

    @Test
    void readsTheBankTransfersTableAndItsHeldCreditIndex() {
        TableDefinition bank = template.table("BankTransfersTable");
        assertEquals("pk", bank.hashKey());
        assertNull(bank.rangeKey());
        assertEquals(List.of(new IndexDefinition("by_held_key", "held_key", "received_at", "ALL", List.of())),
                bank.globalSecondaryIndexes());
    }

    @Test
    void readsTheMerchantAndShardedListIndexesOfPaymentSessionsTable() {
        TableDefinition sessions = template.table("PaymentSessionsTable");
        assertEquals(Map.of("session_id", "S", "merchant_id", "S", "created_at", "S", "list_key", "S"),
                sessions.attributeTypes());
        assertEquals(List.of(new IndexDefinition("by_merchant_created", "merchant_id", "created_at", "ALL", List.of()),
                new IndexDefinition("by_list_key_created", "list_key", "created_at", "KEYS_ONLY", List.of())),
                sessions.globalSecondaryIndexes());
    }

    @Test
    void readsMerchantIndexesOfApiKeysAndWebhookEventsTables() {
        assertEquals("merchant_id", template.table("ApiKeysTable").globalSecondaryIndex("by_merchant").hashKey());
        assertEquals("created_at",
                template.table("WebhookEventsTable").globalSecondaryIndex("by_merchant_created").rangeKey());
        assertEquals(new IndexDefinition("by_merchant_mode_created", "merchant_mode", "created_at", "ALL", List.of()),
                template.table("WebhookEventsTable").globalSecondaryIndex("by_merchant_mode_created"));
        assertEquals(new IndexDefinition("by_transaction_created", "transaction_id", "created_at", "ALL", List.of()),
                template.table("WebhookEventsTable").globalSecondaryIndex("by_transaction_created"));
    }

    @Test
    void parsesTtlAttributeOfCounterTables() {
        assertEquals("expires_at", template.table("RateLimitsTable").ttlAttribute());
        assertEquals("expires_at", template.table("RiskCountersTable").ttlAttribute());
        assertNull(template.table("TransactionsTable").ttlAttribute());
    }

    @Test
    void readsTheDashboardTablesWithTheirIndexesAndTtl() {
        TableDefinition users = template.table("DashboardUsersTable");
        assertEquals("item_key", users.hashKey());
        assertNull(users.ttlAttribute());
        assertEquals(List.of(new IndexDefinition("by_merchant", "merchant_id", "created_at", "ALL", List.of())),
                users.globalSecondaryIndexes());
        TableDefinition sessions = template.table("DashboardSessionsTable");
        assertEquals("token_hash", sessions.hashKey());
        assertEquals("purge_at", sessions.ttlAttribute());
        assertEquals(List.of(new IndexDefinition("by_user", "user_id", null, "ALL", List.of())),
                sessions.globalSecondaryIndexes());
        TableDefinition attempts = template.table("LoginAttemptsTable");
        assertEquals("attempt_key", attempts.hashKey());
        assertNull(attempts.rangeKey());
        assertEquals("purge_at", attempts.ttlAttribute());
        assertTrue(attempts.globalSecondaryIndexes().isEmpty());
    }

    @Test
    void keepsTableNameAsUnresolvedSub() {
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-merchants"), template.table("MerchantsTable").rawTableName());
    }

    @Test
    void readsWebhookQueueWithRedriveToDeadLetterQueueAfterElevenReceives() {
        QueueDefinition queue = template.queue("WebhookQueue");
        assertEquals(new RedriveDefinition("WebhookDeadLetterQueue", 11), queue.redrive());
        assertEquals(360, queue.visibilityTimeoutSeconds());
        assertEquals(1_209_600, queue.messageRetentionSeconds());
        assertNull(queue.delaySeconds());
    }

    @Test
    void readsDeadLetterQueueWithoutRedriveAndWithItsVisibilityTimeout() {
        QueueDefinition deadLetters = template.queue("WebhookDeadLetterQueue");
        assertNull(deadLetters.redrive());
        assertEquals(180, deadLetters.visibilityTimeoutSeconds());
        assertEquals(1_209_600, deadLetters.messageRetentionSeconds());
        assertEquals(4, template.queues().size());
    }

    @Test
    void readsTheBankCreditsQueueWithItsRedriveToItsDeadLetterQueue() {
        QueueDefinition credits = template.queue("BankCreditsQueue");
        assertEquals("BankCreditsDeadLetterQueue", credits.redrive().deadLetterQueueLogicalId());
        assertEquals(5, credits.redrive().maxReceiveCount());
        assertNull(template.queue("BankCreditsDeadLetterQueue").redrive());
    }

    @Test
    void readsGetAndPostRoutesOfThreeDSecurePageFunction() {
        FunctionDefinition page = template.function("ThreeDSecurePageFunction");
        assertEquals(List.of(new HttpRoute("GET", "/pay/3ds/{transaction_id}"),
                new HttpRoute("POST", "/pay/3ds/{transaction_id}")), page.httpRoutes());
        assertEquals("com.circoflows.functions.threedspage.ThreeDSecurePageHandler", page.handlerClassName());
        assertEquals("functions/three-ds-page/target/three-ds-page-function.jar", page.codeUri());
    }

    @Test
    void findsTheRoutesOfTheApiEndpointFunctions() {
        List<HttpRoute> routes = template.functions().stream().flatMap(f -> f.httpRoutes().stream()).toList();
        assertTrue(routes.containsAll(List.of(
                new HttpRoute("GET", "/api/health"),
                new HttpRoute("POST", "/api/direct-payment"),
                new HttpRoute("GET", "/api/direct-payment/{transaction_id}"),
                new HttpRoute("POST", "/api/direct-payment/{transaction_id}/confirm-3ds"),
                new HttpRoute("POST", "/api/keys"),
                new HttpRoute("GET", "/api/keys"))), routes.toString());
    }

    @Test
    void readsTheDeleteRouteAndTheInlineKeysTableStatementOfTheKeyRevocationFunction() {
        FunctionDefinition revoke = template.function("RevokeApiKeyFunction");
        assertEquals(List.of(new HttpRoute("DELETE", "/api/keys/{key_id}")), revoke.httpRoutes());
        assertEquals("60", revoke.rawEnvironment().get("API_KEY_CACHE_TTL_SECONDS"));
        Map<?, ?> properties = (Map<?, ?>) template.resource("RevokeApiKeyFunction").get("Properties");
        Map<?, ?> statement = ((List<?>) properties.get("Policies")).stream().map(p -> (Map<?, ?>) p)
                .filter(p -> p.containsKey("Statement"))
                .map(p -> (Map<?, ?>) ((List<?>) p.get("Statement")).get(0))
                .findFirst().orElseThrow();
        assertEquals(List.of("dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"), statement.get("Action"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ApiKeysTable", "Arn")), statement.get("Resource"));
    }

    @Test
    void mergesGlobalEnvironmentIntoEachFunction() {
        for (FunctionDefinition function : template.functions()) {
            assertEquals(Map.of("Ref", "Stage"), function.rawEnvironment().get("STAGE"), function.logicalId());
        }
        Map<String, Object> health = template.function("HealthFunction").rawEnvironment();
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", health.get("JAVA_TOOL_OPTIONS"));
        assertEquals(Map.of("Ref", "RateLimitsTable"), health.get("RATE_LIMITS_TABLE"));
    }

    @Test
    void readsParametersWithDefaultsAndNoEcho() {
        Map<String, ParameterDefinition> parameters = template.parameters();
        assertEquals(new ParameterDefinition("Stage", "String", "dev", false), parameters.get("Stage"));
        assertEquals("", parameters.get("PublicBaseUrl").defaultValue());
        assertFalse(parameters.containsKey("AppSecretKey"), "the app secret is a Secrets Manager secret, not a parameter");
        SamTemplate withNoEcho = SamTemplate.parse("""
                Parameters: {Token: {Type: String, NoEcho: true}}
                Globals: {Function: {}}
                Resources: {}
                """, "inline");
        assertEquals(new ParameterDefinition("Token", "String", null, true), withNoEcho.parameters().get("Token"));
    }

    @Test
    void readsResourcesWithTheirSamBuildMetadataAndRetentionAttributes() {
        // Resource attributes beside Properties are kept as they are and break none of the typed views.
        assertEquals("functions/health/target/health-function.jar", template.function("HealthFunction").codeUri());
        assertEquals("makefile", ((Map<?, ?>) template.resource("HealthFunction").get("Metadata")).get("BuildMethod"));
        assertEquals("Retain", template.resource("MerchantsTable").get("DeletionPolicy"));
        assertEquals("merchant_id", template.table("MerchantsTable").hashKey());
        assertEquals("Retain", template.resource("WebhookQueue").get("UpdateReplacePolicy"));
        assertEquals(List.of("AppSecret", "WalletKeysSecret"), template.secretIds());
    }

    @Test
    void givesRawAccessToAnyResource() {
        assertEquals("AWS::Serverless::HttpApi", template.resourceType("HttpApi"));
        assertEquals("AWS::SQS::Queue", template.resourceType("WebhookQueue"));
        assertEquals(Map.of("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", Map.of("Ref", "TablesKey")),
                ((Map<?, ?>) template.resource("MerchantsTable").get("Properties")).get("SSESpecification"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> template.resource("Nope"));
        assertTrue(error.getMessage().contains("Nope"), error.getMessage());
    }

    @Test
    void locateHonoursTheTemplateSystemProperty() {
        Path real = SamTemplate.locate();
        String previous = System.getProperty(SamTemplate.LOCATION_PROPERTY);
        System.setProperty(SamTemplate.LOCATION_PROPERTY, "pom.xml");
        try {
            assertEquals(Path.of("pom.xml").toAbsolutePath(), SamTemplate.locate());
            System.setProperty(SamTemplate.LOCATION_PROPERTY, "no-such-template.yaml");
            IllegalStateException error = assertThrows(IllegalStateException.class, SamTemplate::locate);
            assertTrue(error.getMessage().contains("no-such-template.yaml"), error.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(SamTemplate.LOCATION_PROPERTY);
            } else {
                System.setProperty(SamTemplate.LOCATION_PROPERTY, previous);
            }
        }
        assertEquals(real, SamTemplate.locate());
    }
}
