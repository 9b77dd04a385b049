package com.circoflows.functions.dashboard.account;

import static com.circoflows.testsupport.SampleEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DashboardAccountHandler as Lambda runs it, fed events/dashboard-account/*.json: built from its
 * template variables, the sign-in form with its visitor cookie, and a cross-site sign-up refused. The
 * pages themselves are DashboardAppTest's and the browser tests'.
 */
@ExtendWith(HandlerStackExtension.class)
class DashboardAccountHandlerIT {
    private static final String FUNCTION = "DashboardAccountFunction";
    private static DashboardAccountHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack stack) {
        handler = stack.functions().construct(FUNCTION, DashboardAccountHandler.class, DashboardAccountHandler::new);
    }

    @Test
    void theSignInPageIsHtmlWithAVisitorCookieForItsForm() {
        APIGatewayV2HTTPResponse page = LambdaInvocations.invoke(handler, FUNCTION, event("dashboard-account/login-page.json"));

        assertEquals(200, page.getStatusCode(), page.getBody());
        assertTrue(page.getHeaders().get("content-type").startsWith("text/html"));
        assertNotNull(page.getCookies(), "the visitor cookie");
        assertTrue(page.getCookies().get(0).startsWith("cf_dashboard_visitor="), page.getCookies().toString());
        assertTrue(page.getCookies().get(0).contains("HttpOnly"));
    }

    @Test
    void aSignUpPostedWithoutTheFormsTokenIsRefusedAndShowsNoKey() {
        APIGatewayV2HTTPResponse refused = LambdaInvocations.invoke(handler, FUNCTION,
                event("dashboard-account/signup-without-token.json"));

        assertEquals(403, refused.getStatusCode());
        assertFalse(refused.getBody().contains("cf_test_"), "no account, no key");
    }
}
