package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localstack.HttpRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every /api route with an otherwise valid request and one hostile header (see
 * {@link HostileHeaders}): 401 for a key that is not a valid one, 400 for a bad Idempotency-Key, the
 * endpoint's own answer otherwise; always documented, never a 5xx or an internal. Every route meets
 * every kind of hostile header {@value #ROUNDS} times a run, each time a variant drawn at random.
 */
@EndToEnd
class HostileHeaderFuzzIT {
    private static final int ROUNDS = 8;

    private final FuzzFixtures fixtures;

    HostileHeaderFuzzIT(E2e e2e) {
        this.fixtures = FuzzFixtures.of(e2e);
    }

    @Test
    void hostileHeadersOnEveryRouteGetADocumentedAnswer() {
        List<HttpRoute> routes = fixtures.apiRoutes();
        FuzzProperty.Cases cases = (random, strata) -> {
            HttpRoute route = strata.choose(routes);
            E2e.TestMerchant merchant = fixtures.merchantFor(route);
            MerchantObjects objects = fixtures.objectsOf(merchant);
            String body = Requests.validBody(route, objects, random);
            HostileHeaders.Variant variant = HostileHeaders.variants(merchant.apiKey(), body != null,
                    strata.choose(HostileHeaders.KINDS)).next(random);
            FuzzCase fuzzCase = FuzzCase.of(variant.kind(), route, Requests.ownPath(route, objects, random),
                    variant.headers(), body, variant.usesPoolKey() ? merchant.apiKey() : null);
            return body != null && random.nextInt(8) == 0 ? fuzzCase.withChunkedBody() : fuzzCase;
        };

        FuzzProperty.forAll("hostile headers", routes.size() * HostileHeaders.KINDS, ROUNDS, cases, fixtures);
    }
}
