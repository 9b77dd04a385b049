package com.circoflows.testsupport;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEndpointRepository;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.sqs.SqsWebhookJobQueue;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.ThreeDSecureChallenges;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Payments made through the create function on a {@link HandlerStack}, and the transactions stored. */
public final class TestPayments {
    private final LocalStack stack;
    private final TemplateFunctions functions;
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createPayments;

    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createRefunds;

    TestPayments(LocalStack stack, TemplateFunctions functions) {
        this.stack = stack;
        this.functions = functions;
    }

    /**
     * Pays with one of events/direct-payment-create/ (e.g. {@code "three-d-secure.json"}) through the
     * create function's own wiring and template environment. Other function modules can't depend on
     * the create module, so this builds what CreateDirectPaymentHandler's no-arg constructor builds
     * (FunctionWiring.merchantApi() + createDirectPaymentEndpoint()) from CreateDirectPaymentFunction's
     * template variables.
     */
    public CreatedPayment pay(String createEventPath, String apiKey) {
        return pay(withApiKey(event(createEventPath), apiKey));
    }

    /** Pays with a create event a test changed (another card, capture_method…). */
    public CreatedPayment pay(APIGatewayV2HTTPEvent event) {
        String createEventPath = event.getRawPath();
        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(createPayments(), "CreateDirectPaymentFunction",
                event);
        JsonNode body = json(response);
        JsonNode ids = body.path("success").asBoolean() ? body.path("data") : body.path("error");
        String transactionId = ids.path("transaction_id").asText(null);
        if (transactionId == null) {
            throw new AssertionError("no transaction from " + createEventPath + ": " + response.getBody());
        }
        String gatewayId = storedTransaction(transactionId).gatewayTransactionId();
        return new CreatedPayment(response.getStatusCode(), transactionId, gatewayId, body);
    }

    /** Pays with the sample key, as the events/ file is. */
    public CreatedPayment pay(String createEventPath) {
        return pay(createEventPath, SampleEvents.SAMPLE_KEY);
    }

    private synchronized RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createPayments() {
        if (createPayments == null) {
            createPayments = functions.wiredAs("CreateDirectPaymentFunction", () -> {
                FunctionWiring wiring = FunctionWiring.fromEnvironment();
                return new MerchantApiHandler(wiring.api().merchantApiPipeline(), wiring.payments().createDirectPaymentEndpoint()) {
                };
            });
        }
        return createPayments;
    }

    /**
     * Refunds through CreateRefundFunction's wiring and template environment (function modules can't
     * depend on each other), with {@code body} under a new Idempotency-Key; returns the API's answer.
     */
    public APIGatewayV2HTTPResponse refund(String apiKey, String transactionId, String body) {
        APIGatewayV2HTTPEvent event = SampleEvents.withHeader(SampleEvents.withBody(withApiKey(
                SampleEvents.withTransactionId(event("refund-create/refund.json"), transactionId), apiKey), body,
                false), "idempotency-key",
                java.util.UUID.randomUUID().toString());
        return LambdaInvocations.invoke(createRefunds(), "CreateRefundFunction", event);
    }

    private synchronized RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createRefunds() {
        if (createRefunds == null) {
            createRefunds = functions.wiredAs("CreateRefundFunction", () -> {
                FunctionWiring wiring = FunctionWiring.fromEnvironment();
                return new MerchantApiHandler(wiring.api().idempotentMerchantApiPipeline(),
                        wiring.refunds().createRefundEndpoint()) {
                };
            });
        }
        return createRefunds;
    }

    public record CreatedPayment(int status, String transactionId, String gatewayTransactionId, JsonNode body) {
    }

    /**
     * Records the customer's answer to the 3-D Secure challenge the way the challenge page does
     * (ThreeDSecureChallenges over the real tables and queue), for modules without the page handler.
     */
    public PaymentOutcome recordChallenge(String transactionId, boolean passed) {
        var transactions = transactions();
        var writer = new TransactionWriter(transactions,
                new SqsWebhookJobQueue(stack.sqsClient(), stack.resources().queueUrl("WebhookQueue")),
                new DynamoWebhookEndpointRepository(stack.dynamoDbClient(), table("MerchantsTable")),
                Clock.systemUTC());
        return new ThreeDSecureChallenges(transactions, writer, Clock.systemUTC()).recordChallenge(transactionId, passed);
    }

    public DynamoTransactionRepository transactions() {
        return new DynamoTransactionRepository(stack.dynamoDbClient(), table("TransactionsTable"),
                table("WebhookEventsTable"), table("TransactionSearchTable"));
    }

    public Transaction storedTransaction(String transactionId) {
        return transactions().find(transactionId)
                .orElseThrow(() -> new AssertionError("no stored transaction " + transactionId));
    }

    public Map<String, AttributeValue> rawTransactionItem(String transactionId) {
        return stack.dynamoDbClient().getItem(get -> get.tableName(table("TransactionsTable")).consistentRead(true)
                .key(Map.of("transaction_id", AttributeValue.fromS(transactionId)))).item();
    }

    private String table(String logicalId) {
        return stack.resources().tableName(logicalId);
    }
}
