package com.circoflows.benchmarks.coldstart;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withEventId;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static com.circoflows.testsupport.SampleEvents.withKeyId;
import static com.circoflows.testsupport.SampleEvents.withSessionId;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.domain.merchant.ApiKeyFormat;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * For every function of template.yaml, the event of its first successful invocation, made ready on
 * the running stack (the payment, session or webhook event it reads exists). Each fresh JVM gets a
 * new merchant with a key stored as real keys are (SHA-256), because a cold container's key cache is
 * empty: the first request reads and verifies the key against the table, as it does on Lambda.
 */
public final class ColdStartScenarios {
    private final HandlerStack handlerStack;
    private final MerchantOnboarding onboarding;
    private final String receiverUrl;
    private final Map<String, Function<Merchant, Object>> scenarios;

    public ColdStartScenarios(HandlerStack handlerStack, String receiverUrl) {
        this.handlerStack = handlerStack;
        this.receiverUrl = receiverUrl;
        var stack = handlerStack.localStack();
        Clock clock = Clock.systemUTC();
        this.onboarding = new MerchantOnboarding(
                new DynamoMerchantRepository(stack.dynamoDbClient(), handlerStack.table("MerchantsTable")),
                new ApiKeyIssuer(new DynamoApiKeyRepository(stack.dynamoDbClient(), handlerStack.table("ApiKeysTable")),
                        new Sha256SecretHasher(), clock),
                clock);
        this.scenarios = byFunction();
    }

    private Map<String, Function<Merchant, Object>> byFunction() {
        return Map.ofEntries(
            Map.entry("HealthFunction", merchant -> http("health/ok.json", merchant)),
            Map.entry("CreateDirectPaymentFunction", merchant -> http("direct-payment-create/success.json", merchant)),
            Map.entry("GetDirectPaymentFunction", merchant -> withTransactionId(http("direct-payment-status/found.json",
                    merchant), pay("direct-payment-create/success.json", merchant).transactionId())),
            Map.entry("ListDirectPaymentsFunction", merchant -> {
                pay("direct-payment-create/success.json", merchant);
                pay("direct-payment-create/success.json", merchant);
                pay("direct-payment-create/success.json", merchant);
                return http("direct-payments-list/first-page.json", merchant);
            }),
            Map.entry("ConfirmThreeDSecureFunction", this::confirmAfterTheChallenge),
            Map.entry("ThreeDSecurePageFunction", merchant -> withTransactionId(event("three-ds-page/show.json"),
                    pay("direct-payment-create/three-d-secure.json", merchant).transactionId())),
            Map.entry("CreateHostedPaymentFunction", merchant -> withJsonField(http("hosted-payment-create/create.json",
                    merchant), "webhook_url", SampleEvents.LOCAL_WEBHOOK_URL)),
            Map.entry("GetHostedPaymentFunction", merchant -> withSessionId(http("hosted-payment-status/found.json",
                    merchant), handlerStack.sessions().createSession(merchant.apiKey()))),
            Map.entry("ListHostedPaymentsFunction", merchant -> {
                handlerStack.sessions().createSession(merchant.apiKey());
                handlerStack.sessions().createSession(merchant.apiKey());
                handlerStack.sessions().createSession(merchant.apiKey());
                return http("hosted-payments-list/first-page.json", merchant);
            }),
            Map.entry("CancelHostedPaymentFunction", merchant -> withSessionId(http("hosted-payment-cancel/cancel.json",
                    merchant), handlerStack.sessions().createSession(merchant.apiKey()))),
            Map.entry("PaymentPageFunction", merchant -> withSessionId(event("payment-page/show.json"),
                    handlerStack.sessions().createSession(merchant.apiKey()))),
            Map.entry("SetWebhookEndpointFunction", merchant -> withJsonField(http("webhook-endpoint-set/set-url.json",
                    merchant), "url", receiverUrl)),
            Map.entry("RotateWebhookSecretFunction", merchant -> {
                handlerStack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiverUrl);
                return http("webhook-endpoint-rotate/rotate.json", merchant);
            }),
            Map.entry("ExpirePreviousWebhookSecretFunction", merchant -> {
                handlerStack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiverUrl);
                return http("webhook-endpoint-expire-previous-secret/expire.json", merchant);
            }),
            Map.entry("ListWebhookEventsFunction", merchant -> {
                pay("direct-payment-create/success.json", merchant);
                return http("webhook-events-list/first-page.json", merchant);
            }),
            Map.entry("GetWebhookEventFunction", merchant -> withEventId(http("webhook-event-get/found.json", merchant),
                    eventOfNewPayment(merchant))),
            Map.entry("RedeliverWebhookEventFunction", merchant -> withEventId(
                    http("webhook-event-redeliver/redeliver.json", merchant), eventOfNewPayment(merchant))),
            Map.entry("CreateApiKeyFunction", merchant -> http("api-key-create/create.json", merchant)),
            Map.entry("ListApiKeysFunction", merchant -> http("api-keys-list/first-page.json", merchant)),
            Map.entry("RevokeApiKeyFunction", this::revokeASecondKey),
            Map.entry("WebhookDeliveryFunction", this::deliveryJob),
            Map.entry("WebhookDeadLetterFunction", this::deadLetteredJob),
            Map.entry("WebhookSweeperFunction",
                    merchant -> SampleEvents.scheduledEvent("webhook-sweeper/scheduled.json")),
            Map.entry("SendTestWebhookEventFunction", merchant -> {
                handlerStack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiverUrl);
                return http("webhook-endpoint-test/send.json", merchant);
            }));
    }

    public boolean covers(String logicalId) {
        return scenarios.containsKey(logicalId);
    }

    /** A new merchant, and the event its function's first invocation gets (APIGatewayV2HTTPEvent, SQSEvent ...). */
    public Object prepare(String logicalId) {
        Function<Merchant, Object> scenario = scenarios.get(logicalId);
        if (scenario == null) {
            throw new IllegalStateException("no cold-start scenario for " + logicalId
                    + ": add its first successful invocation to ColdStartScenarios");
        }
        var created = onboarding.createMerchant("Cold start merchant", Mode.TEST);
        return scenario.apply(new Merchant(created.merchant().merchantId(), created.firstKey().fullKey()));
    }

    private static APIGatewayV2HTTPEvent http(String sample, Merchant merchant) {
        return withApiKey(event(sample), merchant.apiKey());
    }

    private CreatedPayment pay(String sample, Merchant merchant) {
        return handlerStack.payments().pay(sample, merchant.apiKey());
    }

    private String eventOfNewPayment(Merchant merchant) {
        return handlerStack.webhooks().eventIdOf(pay("direct-payment-create/success.json", merchant));
    }

    private Object confirmAfterTheChallenge(Merchant merchant) {
        CreatedPayment payment = pay("direct-payment-create/three-d-secure.json", merchant);
        handlerStack.payments().recordChallenge(payment.transactionId(), true);
        APIGatewayV2HTTPEvent confirm = withTransactionId(http("direct-payment-confirm-3ds/not-yet-authenticated.json",
                merchant), payment.transactionId());
        return withJsonField(confirm, "gateway_id", payment.gatewayTransactionId());
    }

    /** Revoking a key the merchant issued beside the one it calls with, so no confirmation is needed. */
    private Object revokeASecondKey(Merchant merchant) {
        String lookupId = handlerStack.merchants().issueKey(merchant.merchantId()).stored().keyId();
        return withKeyId(http("api-key-revoke/revoke.json", merchant), ApiKeyFormat.publicId(lookupId));
    }

    /** The job of a new payment's event, received from the webhook queue as the event source mapping would. */
    private Object deliveryJob(Merchant merchant) {
        handlerStack.queues().purge("WebhookQueue");
        handlerStack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiverUrl);
        String eventId = eventOfNewPayment(merchant);
        Message job = handlerStack.queues().receiveJob("WebhookQueue", eventId);
        return handlerStack.queues().sqsEvent("webhook-delivery/job.json", "WebhookQueue", List.of(job));
    }

    /** A job whose retries ran out, as the dead-letter queue hands it over. */
    private Object deadLetteredJob(Merchant merchant) {
        String eventId = eventOfNewPayment(merchant);
        handlerStack.queues().send("WebhookDeadLetterQueue", "{\"event_id\":\"" + eventId + "\",\"merchant_id\":\""
                + merchant.merchantId() + "\"}");
        Message deadLetter = handlerStack.queues().receiveJob("WebhookDeadLetterQueue", eventId);
        return handlerStack.queues().sqsEvent("webhook-dead-letter/dead-letter.json", "WebhookDeadLetterQueue",
                List.of(deadLetter));
    }

    private record Merchant(String merchantId, String apiKey) {
    }
}
