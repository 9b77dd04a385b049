package com.circoflows.localstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which servers stand in for DynamoDB and SQS when a test (or the local runner inside a test) asks
 * {@link LocalStacks} for a stack. Chosen by the system property {@value #PROPERTY}, which Maven's
 * {@code localstack} profile sets; absent means {@link #EMBEDDED}, the build's default.
 */
public enum StackKind {
    /** DynamoDB Local and ElasticMQ in this JVM: no Docker needed. */
    EMBEDDED("embedded"),
    /** One LocalStack container per JVM, through Testcontainers: needs Docker. */
    LOCALSTACK("localstack");

    public static final String PROPERTY = "circoflows.stack";

    private final String propertyValue;

    StackKind(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    public String propertyValue() {
        return propertyValue;
    }

    /** The kind this JVM was asked for. */
    public static StackKind selected() {
        return parse(System.getProperty(PROPERTY));
    }

    /**
     * Null or blank is the default (embedded), so a build without the switch never changes; an
     * unknown value fails rather than silently running the embedded stack the caller did not ask for.
     */
    public static StackKind parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (StackKind kind : values()) {
            if (kind.propertyValue.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(PROPERTY + "=" + value + " is not a stack; use one of "
                + Arrays.stream(values()).map(StackKind::propertyValue).collect(Collectors.joining(", ")));
    }
}
