package com.circoflows.adapters.lambda;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route a handler class expects template.yaml to send it; a test compares the two, so a path
 * parameter renamed on one side only fails the build instead of a request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(HttpRoute.List.class)
public @interface HttpRoute {
    String method();

    String path();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        HttpRoute[] value();
    }
}
