package com.circoflows.localrunner.e2e;

import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.HttpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP routes template.yaml defines, for tests that must cover every one, including routes added later. */
public final class TemplateRoutes {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z_]+)}");
    /** Customer-facing pages take no API key: their capability is the unguessable id in the URL. */
    private static final String PAGE_PREFIX = "/pay/";
    /** The merchant dashboard: HTML pages too, signed in by cookie rather than API key. */
    private static final String DASHBOARD = "/dashboard";

    private TemplateRoutes() {
    }

    /** Every route of every function, in template order. */
    public static List<HttpRoute> all(E2e e2e) {
        List<HttpRoute> routes = new ArrayList<>();
        for (FunctionDefinition function : e2e.runner().stack().template().functions()) {
            routes.addAll(function.httpRoutes());
        }
        return routes;
    }

    public static boolean isPage(HttpRoute route) {
        return route.path().startsWith(PAGE_PREFIX) || route.path().equals(DASHBOARD) || route.path().startsWith(DASHBOARD + "/");
    }

    public static List<String> parameters(HttpRoute route) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(route.path());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The route's path with each {name} replaced by {@code valueFor.apply(name)}, inserted as is. */
    public static String substitute(HttpRoute route, UnaryOperator<String> valueFor) {
        Matcher matcher = PATH_PARAMETER.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(valueFor.apply(matcher.group(1))));
        }
        return matcher.appendTail(path).toString();
    }

    /**
     * Whether API Gateway would route this raw path to one of {@code routes}: the same number of
     * segments, literal segments equal, and no parameter segment empty.
     */
    public static boolean anyMatches(List<HttpRoute> routes, String method, String rawPath) {
        String[] segments = segments(rawPath);
        for (HttpRoute route : routes) {
            if (route.method().equals(method) && matches(segments(route.path()), segments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String[] expected, String[] actual) {
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = PATH_PARAMETER.matcher(expected[i]).matches();
            if (parameter ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    }
}
