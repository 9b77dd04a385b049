package com.circoflows.localrunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.circoflows.observability.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** What bin/run-local prints stays as it was, and bin/circoflows logs finds the same lines in the data folder. */
@Isolated("JsonLog's sink and System.out are one per JVM")
class FunctionLogTeeTest {
    private static final JsonLog LOG = JsonLog.get(FunctionLogTeeTest.class);

    @TempDir
    Path dataDir;

    @Test
    void functionLogLinesStillPrintOnStdoutAndAreAppendedToTheDataFoldersLogFile() throws IOException {
        String stdout = capturingStdout(() -> {
            try (FunctionLogTee tee = FunctionLogTee.install(dataDir)) {
                LOG.info("payment_created", Map.of("transaction_id", "txn_one"));
                LOG.warn("webhook_attempt_failed", Map.of("event_id", "evt_two"));
            }
        });

        List<String> printed = stdout.lines().toList();
        List<String> kept = Files.readAllLines(dataDir.resolve("logs/functions.jsonl"));
        assertEquals(2, printed.size(), stdout);
        assertEquals(printed, kept, "the file holds exactly what stdout showed");
        assertTrue(kept.get(0).contains("\"event\":\"payment_created\""), kept.get(0));
    }

    @Test
    void theLogFileAndItsFolderAreTheOwnersOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        capturingStdout(() -> {
            try (FunctionLogTee tee = FunctionLogTee.install(dataDir)) {
                LOG.info("started", Map.of());
            }
        });

        Path file = dataDir.resolve("logs/functions.jsonl");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aFullLogFileRollsOverToDotOneKeepingEveryLineWhole() throws IOException {
        Path file = dataDir.resolve("logs/functions.jsonl");
        capturingStdout(() -> {
            try (FunctionLogTee tee = FunctionLogTee.install(file, 1000)) {
                for (int i = 0; i < 20; i++) {
                    LOG.info("request", Map.of("number", "n" + i));
                }
            }
        });

        Path previous = dataDir.resolve("logs/functions.jsonl.1");
        assertTrue(Files.size(file) <= 1000 && Files.size(previous) <= 1000, "bounded by the limit, twice over at most");
        List<String> lines = new ArrayList<>(Files.readAllLines(previous));
        lines.addAll(Files.readAllLines(file));
        for (String line : lines) {
            assertTrue(line.startsWith("{") && line.endsWith("}"), "a whole JSON line: " + line);
        }
        assertTrue(lines.get(lines.size() - 1).contains("\"number\":\"n19\""), "the newest line is in the current file");
    }

    @Test
    void aRestartAppendsToTheLogFileItFinds() throws IOException {
        capturingStdout(() -> {
            try (FunctionLogTee first = FunctionLogTee.install(dataDir)) {
                LOG.info("before_restart", Map.of());
            }
            try (FunctionLogTee second = FunctionLogTee.install(dataDir)) {
                LOG.info("after_restart", Map.of());
            }
        });

        List<String> kept = Files.readAllLines(dataDir.resolve("logs/functions.jsonl"));
        assertEquals(2, kept.size());
        assertTrue(kept.get(0).contains("before_restart") && kept.get(1).contains("after_restart"), kept.toString());
    }

    private interface Body {
        void run() throws IOException;
    }

    /** Runs {@code body} with System.out (and JsonLog's default sink) writing into memory; returns what it printed. */
    private static String capturingStdout(Body body) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
            JsonLog.redirectTo(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
