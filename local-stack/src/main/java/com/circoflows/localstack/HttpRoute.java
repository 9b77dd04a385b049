package com.circoflows.localstack;

import java.util.Locale;
import java.util.Objects;

/**
 * One HttpApi (or Api) event of a function.
 *
 * @param method upper-case HTTP method, or ANY
 * @param path   the route path with {@code {param}} placeholders, as in the template
 */
public record HttpRoute(String method, String path) {

    public HttpRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
    }
}
