package com.circoflows.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The environment a function was configured with. On Lambda that is the process environment; the
 * local runner gives each function exactly the variables template.yaml gives it, while it
 * constructs that function's handler.
 */
public final class Settings {
    public static final String LOCAL_MODE = "CIRCOFLOWS_LOCAL_MODE";

    private static final ThreadLocal<Map<String, String>> CONSTRUCTION_ENVIRONMENT = new ThreadLocal<>();

    private final Map<String, String> values;

    public Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings fromEnvironment() {
        Map<String, String> supplied = CONSTRUCTION_ENVIRONMENT.get();
        return new Settings(supplied != null ? supplied : System.getenv());
    }

    /** Runs {@code construction} with {@link #fromEnvironment()} answering from {@code environment}. */
    public static <T> T withEnvironment(Map<String, String> environment, Supplier<T> construction) {
        Map<String, String> previous = CONSTRUCTION_ENVIRONMENT.get();
        CONSTRUCTION_ENVIRONMENT.set(environment);
        try {
            return construction.get();
        } finally {
            if (previous == null) {
                CONSTRUCTION_ENVIRONMENT.remove();
            } else {
                CONSTRUCTION_ENVIRONMENT.set(previous);
            }
        }
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Local runner and tests: http and loopback URLs are allowed; nothing else is relaxed. */
    public boolean localMode() {
        return "true".equalsIgnoreCase(values.get(LOCAL_MODE));
    }
}
