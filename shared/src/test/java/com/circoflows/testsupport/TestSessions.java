package com.circoflows.testsupport;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withJsonField;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.dynamodb.DynamoPaymentSessionRepository;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.localstack.LocalStack;

/** Hosted payment sessions on a {@link HandlerStack}: created through the create function, paid, stored. */
public final class TestSessions {
    private final LocalStack stack;
    private final TemplateFunctions functions;
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createSessions;
    private SessionCheckoutService sessionCheckout;

    TestSessions(LocalStack stack, TemplateFunctions functions) {
        this.stack = stack;
        this.functions = functions;
    }

    /**
     * Creates a session with events/hosted-payment-create/create.json (its webhook URL replaced by
     * {@link SampleEvents#LOCAL_WEBHOOK_URL}, so nothing is resolved) through what
     * CreateHostedPaymentHandler's no-arg constructor builds from CreateHostedPaymentFunction's
     * template variables; returns its id.
     */
    public String createSession(String apiKey) {
        APIGatewayV2HTTPEvent event = withApiKey(withJsonField(event("hosted-payment-create/create.json"),
                "webhook_url", SampleEvents.LOCAL_WEBHOOK_URL), apiKey);
        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(createSessions(), "CreateHostedPaymentFunction",
                event);
        String sessionId = json(response).path("data").path("session_id").asText(null);
        if (response.getStatusCode() != 200 || sessionId == null) {
            throw new AssertionError("no session from create.json: " + response.getBody());
        }
        return sessionId;
    }

    /** A session of the sample key's merchant. */
    public String createSession() {
        return createSession(SampleEvents.SAMPLE_KEY);
    }

    private synchronized RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createSessions() {
        if (createSessions == null) {
            createSessions = functions.wiredAs("CreateHostedPaymentFunction", () -> {
                FunctionWiring wiring = FunctionWiring.fromEnvironment();
                return new MerchantApiHandler(wiring.api().merchantApiPipeline(), wiring.sessions().createHostedPaymentEndpoint()) {
                };
            });
        }
        return createSessions;
    }

    /**
     * What the payment page pays with (FunctionWiring.sessionCheckout() from PaymentPageFunction's
     * template variables), for tests that pay a session without the page's HTML.
     */
    public synchronized SessionCheckoutService sessionCheckout() {
        if (sessionCheckout == null) {
            sessionCheckout = functions.wiredAs("PaymentPageFunction",
                    () -> FunctionWiring.fromEnvironment().sessions().sessionCheckoutService());
        }
        return sessionCheckout;
    }

    public PaymentSession storedSession(String sessionId) {
        return DynamoPaymentSessionRepository.sessionsOnly(stack.dynamoDbClient(),
                        stack.resources().tableName("PaymentSessionsTable"))
                .find(sessionId).orElseThrow(() -> new AssertionError("no stored session " + sessionId));
    }
}
