package com.circoflows.client.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's examples/ folder, whose files these tests run as they are. */
final class ExamplesFolder {
    private ExamplesFolder() {
    }

    /** The tests run from the client module's folder, beside examples/. */
    static Path path() {
        Path examples = Path.of("").toAbsolutePath().resolveSibling("examples");
        if (!Files.isDirectory(examples)) {
            throw new IllegalStateException("no examples folder at " + examples + ": run the tests from client/");
        }
        return examples;
    }
}
