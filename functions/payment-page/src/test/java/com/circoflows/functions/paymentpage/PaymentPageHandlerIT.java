package com.circoflows.functions.paymentpage;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.withSessionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.DeclineLimits;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PaymentPageHandler as Lambda runs it, fed events/payment-page/*.json. What the page looks like is
 * the page's own tests' business (PaymentPageTest, the browser tests); this checks the function is
 * wired from its template variables and answers with HTML and the right status.
 */
@ExtendWith(HandlerStackExtension.class)
class PaymentPageHandlerIT {
    private static final String FUNCTION = "PaymentPageFunction";

    private static HandlerStack stack;
    private static PaymentPageHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, PaymentPageHandler.class, PaymentPageHandler::new);
    }

    @Test
    void handlerIsBuiltFromItsTemplateVariables() {
        assertNotNull(handler);
    }

    @Test
    void showEventForAPendingSessionIsAnHtmlPage() {
        String sessionId = stack.sessions().createSession();
        APIGatewayV2HTTPEvent event = event("payment-page/show.json");
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertNull(event.getHeaders().get("authorization"), "the customer's browser has no API key");

        APIGatewayV2HTTPResponse response = invoke(withSessionId(event, sessionId));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("content-type").startsWith("text/html"), response.getHeaders().toString());
    }

    @Test
    void aPaymentOnThePageIsScreenedAndItsTransactionCarriesTheRisk() {
        String sessionId = stack.sessions().createSession();
        SessionCheckoutService checkout = stack.sessions().sessionCheckout();

        CheckoutState blocked = checkout.pay(sessionId, form(TestCards.BLOCKED_BY_FRAUD_RULES));
        CheckoutState paid = checkout.pay(sessionId, form(TestCards.SUCCESS));

        assertEquals("fraudulent",
                assertInstanceOf(CheckoutState.AwaitingPayment.class, blocked).lastFailure().declineCode());
        String transactionId = assertInstanceOf(CheckoutState.Paid.class, paid).page().session().transactionId();
        Transaction stored = stack.payments().storedTransaction(transactionId);
        assertEquals(sessionId, stored.sessionId());
        assertEquals(new RiskAssessment(0, List.of(), false), stored.risk());
        assertEquals(Map.of("score", 0, "rules_hit", List.of()),
                stack.webhooks().webhookEvents(transactionId).get(0).data().get("risk"));
    }

    @Test
    void declinesFromOneAddressAcrossSessionsAreLimitedOnTheSharedCountersWhileAnotherAddressPays() {
        String apiKey = stack.merchants().newMerchant("Card Tester Target").apiKey();
        SessionCheckoutService checkout = stack.sessions().sessionCheckout();
        String tester = "198.51.100.61";
        for (int s = 0; s < DeclineLimits.PER_ADDRESS / DeclineLimits.PER_SESSION; s++) {
            String sessionId = stack.sessions().createSession(apiKey);
            for (int i = 0; i < DeclineLimits.PER_SESSION; i++) {
                assertNotNull(checkout.pay(sessionId, form(TestCards.DECLINED).from(tester)));
            }
        }
        String sessionId = stack.sessions().createSession(apiKey);

        CheckoutState refused = checkout.pay(sessionId, form(TestCards.SUCCESS).from(tester));
        CheckoutState paid = checkout.pay(sessionId, form(TestCards.SUCCESS).from("2001:db8:7:1::5"));

        assertInstanceOf(CheckoutState.Locked.class, refused);
        assertInstanceOf(CheckoutState.Paid.class, paid);
    }

    @Test
    void pagesAreServedWithoutStrictTransportSecurityInLocalMode() {
        String sessionId = stack.sessions().createSession();

        APIGatewayV2HTTPResponse response = invoke(withSessionId(event("payment-page/show.json"), sessionId));

        assertNull(response.getHeaders().get("strict-transport-security"), response.getHeaders().toString());
    }

    private static CheckoutForm form(String pan) {
        return new CheckoutForm(CardDetails.validate(pan, "12", "2030", "123", Clock.systemUTC()), "Jane Smith",
                "jane@example.com");
    }

    @Test
    void showEventForAnUnknownSessionIs404() {
        APIGatewayV2HTTPResponse response = invoke(event("payment-page/show.json"));

        assertEquals(404, response.getStatusCode(), response.getBody());
    }

    /** The page is written in parallel; until it lands, its placeholder throws and these checks are skipped. */
    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        try {
            return LambdaInvocations.invoke(handler, FUNCTION, event);
        } catch (UnsupportedOperationException e) {
            Assumptions.assumeTrue(!"payment page not written yet".equals(e.getMessage()),
                    "PaymentPage is still its placeholder");
            throw e;
        }
    }
}
