package com.circoflows.localrunner.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.dashboard.AccountPages;
import com.circoflows.dashboard.ApiKeyPages;
import com.circoflows.dashboard.BrandingPages;
import com.circoflows.dashboard.DashboardApp;
import com.circoflows.dashboard.DashboardArea;
import com.circoflows.dashboard.PaymentPages;
import com.circoflows.dashboard.SessionPages;
import com.circoflows.dashboard.SignInPages;
import com.circoflows.dashboard.TeamPages;
import com.circoflows.dashboard.VisitorFormTokens;
import com.circoflows.dashboard.WebhookPages;
import com.circoflows.functions.dashboard.account.DashboardAccountHandler;
import com.circoflows.functions.dashboard.payments.DashboardPaymentsHandler;
import com.circoflows.functions.dashboard.settings.DashboardSettingsHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each dashboard function is routed (template.yaml, checked against its @HttpRoute by
 * TemplateContractTest) exactly the paths its pages serve: a page nobody can reach, or a route that
 * answers 404 from the function, fails here.
 */
class DashboardRoutesTest {

    @Test
    void theAccountFunctionIsRoutedExactlyTheSignInAccountAndTeamPages() {
        assertSameRoutes(DashboardAccountHandler.class,
                List.of(new SignInPages(null, null), new AccountPages(null, null, null), new TeamPages(null, null)));
    }

    @Test
    void theSettingsFunctionIsRoutedExactlyTheKeyWebhookAndBrandingPages() {
        assertSameRoutes(DashboardSettingsHandler.class, List.of(new ApiKeyPages(null, null),
                new WebhookPages(null, null, null, null, null, null, null, null), new BrandingPages(null, null, null)));
    }

    @Test
    void thePaymentsFunctionIsRoutedExactlyThePaymentAndSessionPages() {
        assertSameRoutes(DashboardPaymentsHandler.class, List.of(
                new PaymentPages(null, null, null, null, null, null, null), new SessionPages(null, null, null, null)));
    }

    private static void assertSameRoutes(Class<?> handler, List<DashboardArea> areas) {
        Set<String> routed = Arrays.stream(handler.getAnnotationsByType(HttpRoute.class))
                .map(route -> route.method() + " " + route.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> served = new TreeSet<>(new DashboardApp(null, null, new VisitorFormTokens(new byte[32]), null, null, false, areas).routeKeys());
        assertEquals(routed, served, handler.getSimpleName() + ": @HttpRoute (and template.yaml) against the pages' routes");
    }
}
