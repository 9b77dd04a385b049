package com.circoflows.functions.dashboard.payments;

import static com.circoflows.testsupport.SampleEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DashboardPaymentsHandler as Lambda runs it, fed events/dashboard-payments/*.json. */
@ExtendWith(HandlerStackExtension.class)
class DashboardPaymentsHandlerIT {
    private static final String FUNCTION = "DashboardPaymentsFunction";
    private static DashboardPaymentsHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack stack) {
        handler = stack.functions().construct(FUNCTION, DashboardPaymentsHandler.class, DashboardPaymentsHandler::new);
    }

    @Test
    void thePaymentsListSendsASignedOutVisitorToSignIn() {
        APIGatewayV2HTTPResponse answer = LambdaInvocations.invoke(handler, FUNCTION,
                event("dashboard-payments/payments-signed-out.json"));

        assertEquals(303, answer.getStatusCode());
        assertEquals("/dashboard/login?next=/dashboard/payments", answer.getHeaders().get("location"));
    }

    @Test
    void aCookieOfNoSessionIsClearedAndTheVisitorToldTheSessionEnded() {
        APIGatewayV2HTTPResponse answer = LambdaInvocations.invoke(handler, FUNCTION,
                event("dashboard-payments/payment-of-an-expired-session.json"));

        assertEquals(303, answer.getStatusCode());
        assertTrue(answer.getHeaders().get("location").contains("notice=session_expired"),
                answer.getHeaders().toString());
        assertTrue(answer.getCookies().get(0).startsWith("cf_dashboard=;"), answer.getCookies().toString());
    }
}
