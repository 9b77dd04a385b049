package com.circoflows.localrunner.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test class: real HTTP against the one {@link com.circoflows.localrunner.LocalRunner}
 * this JVM shares. Declare an {@link E2e} constructor or method parameter to get it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalRunnerExtension.class)
@Tag("e2e")
public @interface EndToEnd {
}
