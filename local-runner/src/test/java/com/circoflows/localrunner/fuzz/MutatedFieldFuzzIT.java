package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localstack.HttpRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Valid payment, session, 3-D Secure confirmation and webhook endpoint bodies with one field
 * changed (see {@link FieldMutations}): a documented 4xx naming the problem, or a 2xx when the change
 * happens to keep the request valid; never a 5xx or an internal. Every route meets every kind of
 * change {@value #ROUNDS} times a run, each time to a field drawn at random.
 */
@EndToEnd
class MutatedFieldFuzzIT {
    private static final int ROUNDS = 12;

    private final FuzzFixtures fixtures;

    MutatedFieldFuzzIT(E2e e2e) {
        this.fixtures = FuzzFixtures.of(e2e);
    }

    @Test
    void validBodiesWithOneFieldMutatedGetADocumentedAnswer() {
        List<HttpRoute> routes = fixtures.apiRoutes().stream()
                .filter(route -> ValidBodies.forRoute(route, null).isPresent())
                .toList();
        FuzzProperty.Cases cases = (random, strata) -> {
            HttpRoute route = strata.choose(routes);
            E2e.TestMerchant merchant = fixtures.merchantFor(route);
            MerchantObjects objects = fixtures.objectsOf(merchant);
            FieldMutations.Mutated mutated = FieldMutations.of(ValidBodies.forRoute(route, objects).orElseThrow(),
                    strata.choose(FieldMutations.KINDS)).next(random);
            return FuzzCase.of(mutated.kind(), route, Requests.ownPath(route, objects, random),
                    HostileHeaders.valid(merchant.apiKey(), true), mutated.body(), merchant.apiKey());
        };

        FuzzProperty.forAll("valid bodies, one field mutated", routes.size() * FieldMutations.KINDS, ROUNDS, cases,
                fixtures);
    }
}
