package com.circoflows.localrunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's route matching for the template's routes: a literal segment beats a {parameter}
 * segment, and a request that matches no route is a 404, as on an HTTP API.
 */
final class RouteTable<T> {
    private final List<Route<T>> routes = new ArrayList<>();

    void add(String method, String pathTemplate, T target) {
        for (Route<T> existing : routes) {
            if (existing.method.equals(method) && existing.pathTemplate.equals(pathTemplate)) {
                throw new IllegalStateException("route defined twice in template.yaml: " + method + " " + pathTemplate);
            }
        }
        routes.add(new Route<>(method, pathTemplate, target));
    }

    Optional<Match<T>> match(String method, String path) {
        String[] segments = split(path);
        Match<T> best = null;
        int bestLiterals = -1;
        for (Route<T> route : routes) {
            if (!route.method.equals(method) || route.segments.length != segments.length) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String expected = route.segments[i];
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        matches = false;
                    } else {
                        parameters.put(expected.substring(1, expected.length() - 1), segments[i]);
                    }
                } else if (expected.equals(segments[i])) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && literals > bestLiterals) {
                best = new Match<>(route.method + " " + route.pathTemplate, route.target, parameters);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    List<String> routeKeys() {
        return routes.stream().map(r -> r.method + " " + r.pathTemplate).toList();
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1);
    }

    record Match<T>(String routeKey, T target, Map<String, String> pathParameters) {
    }

    private static final class Route<T> {
        final String method;
        final String pathTemplate;
        final String[] segments;
        final T target;

        Route(String method, String pathTemplate, T target) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.segments = split(pathTemplate);
            this.target = target;
        }
    }
}
