package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.TemplateRoutes;
import com.circoflows.localstack.HttpRoute;
import java.util.List;

/**
 * What the fuzz properties share in the JVM, beside the one LocalRunner: the routes of template.yaml,
 * the key pool with its merchants' objects, another tenant's objects, and the oracle.
 */
final class FuzzFixtures {
    private static FuzzFixtures instance;

    private final E2e e2e;
    private final List<HttpRoute> routes;
    private final KeyPool keys;
    private final DocumentedAnswer oracle;
    private E2e.TestMerchant stranger;
    private MerchantObjects strangersObjects;

    private FuzzFixtures(E2e e2e) {
        this.e2e = e2e;
        this.routes = TemplateRoutes.all(e2e);
        this.keys = new KeyPool(e2e);
        this.oracle = new DocumentedAnswer(DocumentedErrors.fromApiReference(), routes, e2e.runner().port());
    }

    static synchronized FuzzFixtures of(E2e e2e) {
        if (instance == null || instance.e2e != e2e) {
            instance = new FuzzFixtures(e2e);
        }
        return instance;
    }

    List<HttpRoute> routes() {
        return routes;
    }

    List<HttpRoute> apiRoutes() {
        return routes.stream().filter(route -> !TemplateRoutes.isPage(route)).toList();
    }

    KeyPool keys() {
        return keys;
    }

    /** A pool merchant whose key has budget left for {@code route}. */
    E2e.TestMerchant merchantFor(HttpRoute route) {
        return keys.keyFor(route);
    }

    MerchantObjects objectsOf(E2e.TestMerchant merchant) {
        return keys.objectsOf(merchant);
    }

    /** Another tenant's objects: what no pool merchant may ever reach. */
    synchronized MerchantObjects strangersObjects() {
        if (strangersObjects == null) {
            stranger = e2e.newMerchant("Fuzz Stranger");
            strangersObjects = MerchantObjects.make(stranger.api(), (key, answer) -> { }, stranger.apiKey());
        }
        return strangersObjects;
    }

    /** A real id of {@code objects} for a path parameter; for a parameter this class doesn't know, an unknown id. */
    static String ownId(String parameter, MerchantObjects objects, java.util.Random random) {
        return switch (parameter) {
            case "transaction_id" -> Gen.elements(objects.pendingTransactionId(), objects.completedTransactionId(),
                    objects.bankTransferId()).next(random);
            case "session_id" -> objects.sessionId();
            case "event_id" -> objects.eventId();
            case "credit_id" -> objects.heldCreditId();
            default -> "id_" + Long.toString(Math.abs(random.nextLong()), 36);
        };
    }

    HttpResult send(FuzzCase fuzzCase) {
        HttpResult answer = RawHttp.send(e2e, fuzzCase);
        keys.observe(fuzzCase.poolKey(), fuzzCase.route(), answer);
        return answer;
    }

    /**
     * The documented-answer property, and that no /api answer shows anything of the stranger's (pages
     * are another matter: their unguessable URL is the capability, whoever opens it).
     */
    Stage check(FuzzCase fuzzCase, HttpResult answer) {
        Stage stage = oracle.check(fuzzCase, answer);
        MerchantObjects strangers = strangersObjectsIfMade();
        if (strangers != null && !TemplateRoutes.isPage(fuzzCase.route())) {
            for (String id : List.of(strangers.completedTransactionId(), strangers.pendingTransactionId(),
                    strangers.bankTransferId(), strangers.heldCreditId(), strangers.sessionId(), strangers.eventId(),
                    stranger.merchantId())) {
                if (answer.body().contains(id)) {
                    throw new AssertionError("another merchant's " + id + " in the answer: " + answer.describe());
                }
            }
        }
        return stage;
    }

    private synchronized MerchantObjects strangersObjectsIfMade() {
        return strangersObjects;
    }
}
