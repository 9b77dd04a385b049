package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localstack.HttpRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every /api route that takes a body, with a valid key, gets bodies that are not the JSON object it
 * expects (see {@link HostileJson}): always a documented 4xx, never a 5xx or an internal. Every
 * route meets every kind of body {@value #ROUNDS} times a run.
 */
@EndToEnd
class MalformedBodyFuzzIT {
    private static final int ROUNDS = 3;

    private final FuzzFixtures fixtures;

    MalformedBodyFuzzIT(E2e e2e) {
        this.fixtures = FuzzFixtures.of(e2e);
    }

    @Test
    void malformedBodiesOnEveryWriteRouteGetADocumented4xx() {
        List<HttpRoute> routes = fixtures.apiRoutes().stream().filter(Requests::takesBody).toList();
        FuzzProperty.Cases cases = (random, strata) -> {
            HttpRoute route = strata.choose(routes);
            E2e.TestMerchant merchant = fixtures.merchantFor(route);
            MerchantObjects objects = fixtures.objectsOf(merchant);
            String valid = Requests.validBody(route, objects, random);
            HostileJson.Body body = HostileJson.of(valid, strata.choose(HostileJson.KINDS)).next(random);
            var headers = HostileHeaders.valid(merchant.apiKey(), true);
            if (random.nextInt(4) == 0) {
                headers.add(Map.entry("Idempotency-Key", "fuzz-" + HostileHeaders.base62(random, 20)));
            }
            return new FuzzCase(body.kind(), route, Requests.ownPath(route, objects, random), headers, body.bytes(),
                    random.nextInt(10) == 0, merchant.apiKey());
        };

        FuzzProperty.forAll("malformed JSON bodies", routes.size() * HostileJson.KINDS, ROUNDS, cases, fixtures);
    }
}
