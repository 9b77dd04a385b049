package com.circoflows.functions.paymentpage;

import static com.circoflows.testsupport.HandlerTestEnvironment.event;
import static com.circoflows.testsupport.HandlerTestEnvironment.withSessionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerTestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PaymentPageHandler as Lambda runs it, fed events/payment-page/*.json. What the page looks like is
 * the page's own tests' business (PaymentPageTest, the browser tests); this checks the function is
 * wired from its template variables and answers with HTML and the right status.
 */
class PaymentPageHandlerIT {
    private static final String FUNCTION = "PaymentPageFunction";

    private static HandlerTestEnvironment environment;
    private static PaymentPageHandler handler;

    @BeforeAll
    static void startStackAndConstructHandler() {
        environment = HandlerTestEnvironment.start();
        handler = environment.construct(FUNCTION, PaymentPageHandler.class, PaymentPageHandler::new);
    }

    @AfterAll
    static void stopStack() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void handlerIsBuiltFromItsTemplateVariables() {
        assertNotNull(handler);
    }

    @Test
    void showEventForAPendingSessionIsAnHtmlPage() {
        String sessionId = environment.createSession();
        APIGatewayV2HTTPEvent event = event("payment-page/show.json");
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertNull(event.getHeaders().get("authorization"), "the customer's browser has no API key");

        APIGatewayV2HTTPResponse response = invoke(withSessionId(event, sessionId));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("content-type").startsWith("text/html"), response.getHeaders().toString());
    }

    @Test
    void showEventForAnUnknownSessionIs404() {
        APIGatewayV2HTTPResponse response = invoke(event("payment-page/show.json"));

        assertEquals(404, response.getStatusCode(), response.getBody());
    }

    /** The page is written in parallel; until it lands, its placeholder throws and these checks are skipped. */
    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        try {
            return HandlerTestEnvironment.invoke(handler, FUNCTION, event);
        } catch (UnsupportedOperationException e) {
            Assumptions.assumeTrue(!"payment page not written yet".equals(e.getMessage()),
                    "PaymentPage is still its placeholder");
            throw e;
        }
    }
}
