package com.circoflows.localrunner.browser;

import com.circoflows.localrunner.e2e.EndToEnd;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test class: the shared end-to-end LocalRunner (an {@link com.circoflows.localrunner.e2e.E2e}
 * constructor parameter) and a fresh headless Chromium per test method (a {@link Browser} parameter).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EndToEnd
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {
}
