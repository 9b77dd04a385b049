package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.TemplateRoutes;
import com.circoflows.localstack.HttpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Query strings on every GET route, above all the event list's limit and cursor, the transaction
 * list's filters and cursor and the session list's status and cursor (see {@link HostileQueries}): a
 * page of the caller's own objects or a documented 400, never another merchant's (see
 * {@link FuzzFixtures#check}), a 5xx or an internal.
 */
@EndToEnd
class HostileQueryFuzzIT {
    private static final int TRIES = 1000;
    private static final String EVENT_LIST = "/api/webhook-events";
    private static final String TRANSACTION_LIST = "/api/direct-payment";
    private static final String SESSION_LIST = "/api/hosted-payment";

    private final FuzzFixtures fixtures;

    HostileQueryFuzzIT(E2e e2e) {
        this.fixtures = FuzzFixtures.of(e2e);
    }

    @Test
    void hostileQueryStringsGetADocumentedAnswer() {
        List<HttpRoute> gets = fixtures.routes().stream().filter(route -> route.method().equals("GET")).toList();
        Gen<HttpRoute> routes = Gen.<HttpRoute>weighted()
                .add(3, Gen.elements(gets.stream().filter(route -> route.path().equals(EVENT_LIST)).toList()))
                .add(3, Gen.elements(gets.stream().filter(route -> route.path().equals(TRANSACTION_LIST)).toList()))
                .add(2, Gen.elements(gets.stream().filter(route -> route.path().equals(SESSION_LIST)).toList()))
                .add(1, Gen.elements(gets))
                .build();
        Gen<FuzzCase> cases = random -> {
            HttpRoute route = routes.next(random);
            boolean page = TemplateRoutes.isPage(route);
            E2e.TestMerchant merchant = fixtures.merchantFor(route);
            MerchantObjects objects = fixtures.objectsOf(merchant);
            HostileQueries.Query query = (route.path().equals(TRANSACTION_LIST)
                    ? HostileQueries.transactionQueries(objects, fixtures.strangersObjects())
                    : route.path().equals(SESSION_LIST)
                    ? HostileQueries.sessionQueries(objects, fixtures.strangersObjects())
                    : HostileQueries.queries(objects, fixtures.strangersObjects())).next(random);
            List<Map.Entry<String, String>> headers = page ? new ArrayList<>()
                    : HostileHeaders.valid(merchant.apiKey(), false);
            return FuzzCase.of("query " + query.kind(), route, Requests.ownPath(route, objects, random) + "?"
                    + query.text(), headers, null, page ? null : merchant.apiKey());
        };

        FuzzProperty.forAll("hostile query strings", TRIES, cases, fixtures);
    }
}
