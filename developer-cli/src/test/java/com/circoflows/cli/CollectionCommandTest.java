package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.cli.collection.PostmanCollection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/circoflows collection}: the generator's collection, to a file or to standard output. */
class CollectionCommandTest {
    private static final Path SPEC = Path.of("..", "docs", "openapi.yaml");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);

    @Test
    void collectionWithOutWritesTheGeneratedCollectionToThatFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("new-folder").resolve("circoflows.postman_collection.json");

        int status = DeveloperCli.withAllCommands().run(List.of("collection", "--out", file.toString()), terminal);

        assertEquals(0, status, () -> err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).equals(PostmanCollection.fromSpec(SPEC)),
                "the file holds the generator's collection of docs/openapi.yaml");
        assertEquals(0, out.size(), "nothing on standard output when writing a file");
    }

    @Test
    void collectionWithoutOutWritesTheSameBytesToStandardOutput() throws Exception {
        int status = DeveloperCli.withAllCommands().run(List.of("collection"), terminal);

        assertEquals(0, status, () -> err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).equals(PostmanCollection.fromSpec(SPEC)),
                "standard output holds the generator's collection as UTF-8");
    }

    @Test
    void collectionWithAnUnknownArgumentIsAUsageErrorWithExitStatus2() {
        int status = DeveloperCli.withAllCommands().run(List.of("collection", "--output", "x.json"), terminal);

        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unexpected argument --output"), message);
        assertTrue(message.contains("usage: circoflows collection [--out FILE]"), message);
    }

    @Test
    void outWithoutAFileNameIsAUsageError() {
        assertEquals(2, DeveloperCli.withAllCommands().run(List.of("collection", "--out"), terminal));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out needs a file name"));
    }

    @Test
    void helpListsTheCollectionCommand() {
        assertEquals(0, DeveloperCli.withAllCommands().run(List.of("help"), terminal));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("collection"), out.toString(StandardCharsets.UTF_8));
    }
}
