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
 * Every route of template.yaml, /api and the customer pages alike, with one path parameter hostile
 * (see {@link HostilePaths}) or the path itself made odd: a documented 404 (or API Gateway's own
 * for a path no route matches), the object when the id is the caller's own; never a 5xx or an internal.
 */
@EndToEnd
class HostilePathFuzzIT {
    private static final int TRIES = 1500;

    private final FuzzFixtures fixtures;

    HostilePathFuzzIT(E2e e2e) {
        this.fixtures = FuzzFixtures.of(e2e);
    }

    @Test
    void hostilePathParametersOnEveryRouteGetADocumentedAnswer() {
        Gen<HttpRoute> withParameters = Gen.elements(fixtures.routes().stream()
                .filter(route -> !TemplateRoutes.parameters(route).isEmpty()).toList());
        Gen<HttpRoute> any = Gen.elements(fixtures.routes());
        Gen<FuzzCase> cases = random -> {
            boolean parameterCase = random.nextInt(5) > 0;
            HttpRoute route = (parameterCase ? withParameters : any).next(random);
            boolean page = TemplateRoutes.isPage(route);
            E2e.TestMerchant merchant = fixtures.merchantFor(route);
            MerchantObjects objects = fixtures.objectsOf(merchant);
            String path;
            String kind;
            if (parameterCase) {
                List<String> parameters = TemplateRoutes.parameters(route);
                String hostileParameter = parameters.get(random.nextInt(parameters.size()));
                HostilePaths.Value value = HostilePaths.values(hostileParameter, objects, fixtures.strangersObjects())
                        .next(random);
                path = TemplateRoutes.substitute(route, parameter -> parameter.equals(hostileParameter) ? value.text()
                        : FuzzFixtures.ownId(parameter, objects, random));
                kind = "{" + hostileParameter + "} " + value.kind();
            } else {
                HostilePaths.Value variant = HostilePaths.pathVariants(Requests.ownPath(route, objects, random))
                        .next(random);
                path = variant.text();
                kind = "path " + variant.kind();
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            String body = null;
            if (page) {
                if (Requests.takesBody(route)) {
                    headers.add(Map.entry("Content-Type", "application/x-www-form-urlencoded"));
                    body = "csrf_token=x";
                }
            } else {
                body = Requests.validBody(route, objects, random);
                headers.addAll(HostileHeaders.valid(merchant.apiKey(), body != null));
            }
            return FuzzCase.of(kind, route, path, headers, body, page ? null : merchant.apiKey());
        };

        FuzzProperty.forAll("hostile path parameters", TRIES, cases, fixtures);
    }
}
