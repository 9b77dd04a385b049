package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localstack.HttpRoute;
import org.junit.jupiter.api.Test;

/**
 * Every /api route with an otherwise valid request and one hostile header (see
 * {@link HostileHeaders}): 401 for a key that is not a valid one, 400 for a bad Idempotency-Key, the
 * endpoint's own answer otherwise; always documented, never a 5xx or an internal.
 */
@EndToEnd
class HostileHeaderFuzzIT {
    private static final int TRIES = 2000;

    private final FuzzFixtures fixtures;

    HostileHeaderFuzzIT(E2e e2e) {
        this.fixtures = FuzzFixtures.of(e2e);
    }

    @Test
    void hostileHeadersOnEveryRouteGetADocumentedAnswer() {
        Gen<HttpRoute> routes = Gen.elements(fixtures.apiRoutes());
        Gen<FuzzCase> cases = random -> {
            HttpRoute route = routes.next(random);
            E2e.TestMerchant merchant = fixtures.merchantFor(route);
            MerchantObjects objects = fixtures.objectsOf(merchant);
            String body = Requests.validBody(route, objects, random);
            HostileHeaders.Variant variant = HostileHeaders.variants(merchant.apiKey(), body != null).next(random);
            FuzzCase fuzzCase = FuzzCase.of(variant.kind(), route, Requests.ownPath(route, objects, random),
                    variant.headers(), body, variant.usesPoolKey() ? merchant.apiKey() : null);
            return body != null && random.nextInt(8) == 0 ? fuzzCase.withChunkedBody() : fuzzCase;
        };

        FuzzProperty.forAll("hostile headers", TRIES, cases, fixtures);
    }
}
