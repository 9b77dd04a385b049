package com.circoflows.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes one dashboard function serves, matched as API Gateway matches the template's routes: the
 * same number of segments, each literal or a {parameter} (a literal wins over a parameter).
 */
public final class DashboardRoutes {
    private final List<Route> routes = new ArrayList<>();

    public void get(String pathTemplate, Access access, DashboardPage page) {
        add("GET", pathTemplate, access, page);
    }

    public void post(String pathTemplate, Access access, DashboardPage page) {
        add("POST", pathTemplate, access, page);
    }

    private void add(String method, String pathTemplate, Access access, DashboardPage page) {
        for (Route existing : routes) {
            if (existing.method.equals(method) && existing.pathTemplate.equals(pathTemplate)) {
                throw new IllegalStateException("route added twice: " + method + " " + pathTemplate);
            }
        }
        routes.add(new Route(method, pathTemplate, access, page));
    }

    /** Every route as "METHOD /path/{param}", for tests that hold them against template.yaml. */
    public List<String> keys() {
        return routes.stream().map(route -> route.method + " " + route.pathTemplate).toList();
    }

    Optional<Match> match(String method, String path) {
        Match best = null;
        int bestLiterals = -1;
        for (Route route : routes) {
            if (!route.method.equals(method)) {
                continue;
            }
            Map<String, String> parameters = route.parameters(path);
            if (parameters != null && route.literalCount() > bestLiterals) {
                best = new Match(route, parameters);
                bestLiterals = route.literalCount();
            }
        }
        return Optional.ofNullable(best);
    }

    boolean servesVisitors() {
        return routes.stream().anyMatch(route -> route.access instanceof Access.Visitor);
    }

    boolean hasPath(String path) {
        return routes.stream().anyMatch(route -> route.parameters(path) != null);
    }

    record Match(Route route, Map<String, String> pathParameters) {
    }

    static final class Route {
        final String method;
        final String pathTemplate;
        final Access access;
        final DashboardPage page;
        private final String[] segments;

        Route(String method, String pathTemplate, Access access, DashboardPage page) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.access = access;
            this.page = page;
            this.segments = pathTemplate.substring(1).split("/", -1);
        }

        int literalCount() {
            int literals = 0;
            for (String segment : segments) {
                literals += segment.startsWith("{") ? 0 : 1;
            }
            return literals;
        }

        /** The path's parameters, or null when the path is not this route's. */
        Map<String, String> parameters(String path) {
            if (path == null || !path.startsWith("/")) {
                return null;
            }
            String[] actual = path.substring(1).split("/", -1);
            if (actual.length != segments.length) {
                return null;
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{") && segments[i].endsWith("}")) {
                    if (actual[i].isEmpty()) {
                        return null;
                    }
                    parameters.put(segments[i].substring(1, segments[i].length() - 1), actual[i]);
                } else if (!segments[i].equals(actual[i])) {
                    return null;
                }
            }
            return parameters;
        }
    }
}
