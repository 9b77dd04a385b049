package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.TemplateRoutes;
import com.circoflows.localstack.HttpRoute;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Random;

/** The parts of an ordinary request to a route that most cases keep while changing one thing. */
final class Requests {
    private Requests() {
    }

    static boolean takesBody(HttpRoute route) {
        return route.method().equals("POST") || route.method().equals("PUT") || route.method().equals("PATCH");
    }

    /** The route's path naming the merchant's own objects, or null objects for a route without parameters. */
    static String ownPath(HttpRoute route, MerchantObjects objects, Random random) {
        return TemplateRoutes.substitute(route, parameter -> FuzzFixtures.ownId(parameter, objects, random));
    }

    /** A valid JSON body for the route: docs/api.md's fields where it knows them, {} for other writes, else none. */
    static String validBody(HttpRoute route, MerchantObjects objects, Random random) {
        if (!takesBody(route)) {
            return null;
        }
        return ValidBodies.forRoute(route, objects).map(gen -> write(gen.next(random))).orElse("{}");
    }

    static String write(Object node) {
        try {
            return ValidBodies.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
