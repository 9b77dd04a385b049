package com.circoflows.functions.dashboard.settings;

import static com.circoflows.testsupport.SampleEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DashboardSettingsHandler as Lambda runs it, fed events/dashboard-settings/*.json. */
@ExtendWith(HandlerStackExtension.class)
class DashboardSettingsHandlerIT {
    private static final String FUNCTION = "DashboardSettingsFunction";
    private static DashboardSettingsHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack stack) {
        handler = stack.functions().construct(FUNCTION, DashboardSettingsHandler.class, DashboardSettingsHandler::new);
    }

    @Test
    void theApiKeysPageSendsASignedOutVisitorToSignInAndBack() {
        APIGatewayV2HTTPResponse answer = LambdaInvocations.invoke(handler, FUNCTION,
                event("dashboard-settings/api-keys-signed-out.json"));

        assertEquals(303, answer.getStatusCode());
        assertEquals("/dashboard/login?next=/dashboard/settings/api-keys", answer.getHeaders().get("location"));
    }
}
