package com.circoflows.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where a command writes, and what it reads from its environment: the process's own in bin/circoflows,
 * a test's in the tests.
 */
record Terminal(PrintStream out, PrintStream err, Map<String, String> environment, boolean colour) {
    static Terminal ofProcess() {
        Map<String, String> environment = System.getenv();
        // NO_COLOR (no-color.org) wins; otherwise colour only where a person reads it.
        boolean colour = !environment.containsKey("NO_COLOR") && System.console() != null;
        return new Terminal(System.out, System.err, environment, colour);
    }

    String variable(String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
