package com.circoflows.client.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code an example's README quotes is the code its tests run: every ```java or ```js block of the
 * README appears, line for line (indentation aside), in the example's sources.
 */
class ExampleReadmesTest {
    private static final Path EXAMPLES = ExamplesFolder.path();

    @Test
    void theJavaQuickstartReadmeQuotesTheQuickstartsOwnCode() throws IOException {
        Path sources = EXAMPLES.resolve("java-quickstart/src/main/java");
        List<String> code;
        try (Stream<Path> files = Files.walk(sources)) {
            code = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                code.addAll(strippedLines(Files.readString(file)));
            }
        }

        assertQuoted(EXAMPLES.resolve("java-quickstart/README.md"), "java", code);
    }

    @Test
    void theNodeReceiverReadmeQuotesServerJs() throws IOException {
        List<String> code = strippedLines(Files.readString(EXAMPLES.resolve("node-webhook-receiver/server.js")));

        assertQuoted(EXAMPLES.resolve("node-webhook-receiver/README.md"), "js", code);
    }

    private static void assertQuoted(Path readme, String language, List<String> code) throws IOException {
        List<List<String>> blocks = blocks(Files.readString(readme), language);
        assertFalse(blocks.isEmpty(), () -> readme + " has no ```" + language + " block");
        for (List<String> block : blocks) {
            assertTrue(Collections.indexOfSubList(code, block) >= 0,
                    () -> readme + " quotes code its example does not have:\n" + String.join("\n", block));
        }
    }

    private static List<List<String>> blocks(String markdown, String language) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.strip().equals("```" + language)) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null && !line.isBlank()) {
                current.add(line.strip());
            }
        }
        return blocks;
    }

    private static List<String> strippedLines(String source) {
        return source.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toList());
    }
}
