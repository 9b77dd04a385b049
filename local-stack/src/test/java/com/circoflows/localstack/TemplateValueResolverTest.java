package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateValueResolverTest {

    private static final String QUEUE_URL = "http://127.0.0.1:9324/000000000000/demo-webhooks";
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:000000000000:demo-webhooks";
    private static final String DLQ_ARN = "arn:aws:sqs:eu-west-1:000000000000:demo-webhooks-dlq";

    private final SamTemplate template = SamTemplate.load(SamTemplate.locate());
    private final TemplateValueResolver resolver = new TemplateValueResolver(template);
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:demo-app-secret-key-AbCdEf";
    private static final String WALLET_KEYS_ARN = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:demo-wallet-keys-GhIjKl";

    private final ResolutionContext ctx = ResolutionContext.of("demo", "eu-west-1", Map.of("AlarmEmail", "s3cret"))
            .withSecret("AppSecret", SECRET_ARN)
            .withSecret("WalletKeysSecret", WALLET_KEYS_ARN)
            .withQueue("WebhookQueue", QUEUE_URL, QUEUE_ARN)
            .withQueue("WebhookDeadLetterQueue", "http://127.0.0.1:9324/000000000000/demo-webhooks-dlq", DLQ_ARN);

    @Test
    void resolvesTableNameSubWithStackName() {
        assertEquals("demo-merchants", resolver.resolveTableName(template.table("MerchantsTable"), ctx));
        assertEquals("demo-merchants", resolver.resolve(Map.of("Fn::Sub", "${AWS::StackName}-merchants"), ctx));
    }

    @Test
    void resolvesRefToQueueAsItsUrlAndRefToTableAsItsName() {
        assertEquals(QUEUE_URL, resolver.resolve(Map.of("Ref", "WebhookQueue"), ctx));
        assertEquals("demo-rate-limits", resolver.resolve(Map.of("Ref", "RateLimitsTable"), ctx));
        assertEquals("provisioned-name",
                resolver.resolve(Map.of("Ref", "RateLimitsTable"), ctx.withTable("RateLimitsTable", "provisioned-name")));
    }

    @Test
    void resolvesQueueAndTableAttributes() {
        assertEquals(DLQ_ARN, resolver.resolve(Map.of("Fn::GetAtt", List.of("WebhookDeadLetterQueue", "Arn")), ctx));
        assertEquals("demo-webhooks", resolver.resolve(Map.of("Fn::GetAtt", List.of("WebhookQueue", "QueueName")), ctx));
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/demo-transactions",
                resolver.resolve(Map.of("Fn::GetAtt", "TransactionsTable.Arn"), ctx));
    }

    @Test
    void resolvesParametersFromContextThenTemplateDefaults() {
        assertEquals("dev", resolver.resolve(Map.of("Ref", "Stage"), ctx));
        assertEquals("prod", resolver.resolve(Map.of("Ref", "Stage"),
                ResolutionContext.of("demo", "eu-west-1", Map.of("Stage", "prod"))));
        assertEquals("", resolver.resolve(Map.of("Ref", "PublicBaseUrl"), ctx));
    }

    @Test
    void resolvesSubWithPseudoParametersResourceAttributesAndVariables() {
        assertEquals("eu-west-1/demo-webhooks/" + QUEUE_ARN + "/${Literal}/amazonaws.com",
                resolver.resolve(Map.of("Fn::Sub",
                        "${AWS::Region}/${WebhookQueue.QueueName}/${WebhookQueue.Arn}/${!Literal}/${AWS::URLSuffix}"), ctx));
        assertEquals("dev-events", resolver.resolve(Map.of("Fn::Sub",
                List.of("${Prefix}-events", Map.of("Prefix", Map.of("Ref", "Stage")))), ctx));
        assertEquals("a:dev", resolver.resolve(Map.of("Fn::Join", List.of(":", List.of("a", Map.of("Ref", "Stage")))), ctx));
    }

    @Test
    void resolvesTheEnvironmentOfCreateDirectPaymentFunction() {
        Map<String, String> environment = resolver.resolveEnvironment(template.function("CreateDirectPaymentFunction"), ctx);
        assertEquals("dev", environment.get("STAGE"));
        assertEquals("demo-transactions", environment.get("TRANSACTIONS_TABLE"));
        assertEquals("demo-webhook-events", environment.get("WEBHOOK_EVENTS_TABLE"));
        assertEquals(QUEUE_URL, environment.get("WEBHOOK_QUEUE_URL"));
        assertEquals(SECRET_ARN, environment.get("APP_SECRET_ARN"), "the secret's ARN, never its value");
        assertFalse(environment.containsKey("APP_SECRET_KEY"));
        assertEquals(WALLET_KEYS_ARN, environment.get("WALLET_KEYS_SECRET_ARN"), "the wallet keys' ARN, never the keys");
    }

    @Test
    void failsOnUnknownRefNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(Map.of("Ref", "NoSuchThing"), ctx));
        assertTrue(error.getMessage().contains("NoSuchThing"), error.getMessage());
    }

    @Test
    void failsOnUnknownSubVariableNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(Map.of("Fn::Sub", "${Missing}-x"), ctx));
        assertTrue(error.getMessage().contains("Missing"), error.getMessage());
    }

    @Test
    void failsOnAQueueUrlBeforeProvisioning() {
        ResolutionContext bare = ResolutionContext.of("demo", "eu-west-1", Map.of());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(Map.of("Ref", "WebhookQueue"), bare));
        assertTrue(error.getMessage().contains("WebhookQueue"), error.getMessage());
    }

    @Test
    void failsOnASecretNotProvisionedNamingFunctionVariableAndSecret() {
        ResolutionContext withoutSecret = ResolutionContext.of("demo", "eu-west-1", Map.of())
                .withQueue("WebhookQueue", QUEUE_URL, QUEUE_ARN);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolveEnvironment(template.function("ThreeDSecurePageFunction"), withoutSecret));
        assertTrue(error.getMessage().contains("ThreeDSecurePageFunction"), error.getMessage());
        assertTrue(error.getMessage().contains("APP_SECRET_ARN"), error.getMessage());
        assertTrue(error.getMessage().contains("AppSecret"), error.getMessage());
    }

    @Test
    void refusesIntrinsicsItCannotEvaluate() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(Map.of("Fn::If", List.of("IsProd", "a", "b")), ctx));
        assertTrue(error.getMessage().contains("Fn::If"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(Map.of("Ref", "HttpApi"), ctx));
    }

    @Test
    void keepsParameterValuesOutOfToStringBecauseSomeAreSecrets() {
        assertFalse(ctx.toString().contains("s3cret"), ctx.toString());
        assertTrue(ctx.toString().contains("AlarmEmail"), ctx.toString());
        String options = LocalStackOptions.defaults().withParameter("AlarmEmail", "s3cret")
                .withSecret("AppSecret", "s3cret-value").toString();
        assertFalse(options.contains("s3cret"), options);
        assertTrue(options.contains("AppSecret"), options);
    }

    @Test
    void dropsVariablesSetToNoValue() {
        SamTemplate inline = SamTemplate.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.Handler::handleRequest
                      Environment:
                        Variables: {KEPT: yes-please, DROPPED: !Ref AWS::NoValue}
                """, "inline");
        Map<String, String> environment = new TemplateValueResolver(inline)
                .resolveEnvironment(inline.function("Fn"), ResolutionContext.of("s", "us-east-1", Map.of()));
        assertEquals(Map.of("KEPT", "yes-please"), environment);
        assertFalse(environment.containsKey("DROPPED"));
    }
}
