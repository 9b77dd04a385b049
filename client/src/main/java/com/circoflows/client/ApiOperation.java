package com.circoflows.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code operationId} of docs/openapi.yaml a client method calls. Kept at run time so a test can
 * compare the client with the spec and fail on an operation nobody wrapped (or one the spec dropped).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiOperation {
    String value();
}
