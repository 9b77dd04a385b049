package com.circoflows.client.examples;

import com.circoflows.localrunner.e2e.E2e;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one local runner the examples' ITs share in their test JVM (failsafe runs the module's ITs in one
 * JVM), started on first use and closed when the JVM exits.
 */
final class ExamplesRunner {
    private static E2e started;

    private ExamplesRunner() {
    }

    static synchronized E2e get() {
        if (started == null) {
            E2e e2e = E2e.startSeparate(E2e.sharedOptions());
            Runtime.getRuntime().addShutdownHook(new Thread(e2e::close, "examples-runner-shutdown"));
            started = e2e;
        }
        return started;
    }

    /** The repository's examples/ folder; the tests run from the client module's folder. */
    static Path examplesFolder() {
        Path examples = Path.of("").toAbsolutePath().resolveSibling("examples");
        if (!Files.isDirectory(examples)) {
            throw new IllegalStateException("no examples folder at " + examples + ": run the tests from client/");
        }
        return examples;
    }
}
