package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** logs --follow shows every line the runner writes once, across its roll-over to functions.jsonl.1. */
class LogFileTailTest {
    @TempDir
    Path folder;

    private List<String> readNew(LogFileTail tail) throws IOException {
        List<String> lines = new ArrayList<>();
        tail.readNew(lines::add);
        return lines;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void eachReadGivesTheLinesAddedSinceTheLast() throws IOException {
        Path file = folder.resolve("functions.jsonl");
        append(file, "one\ntwo\n");
        LogFileTail tail = new LogFileTail(file);

        assertEquals(List.of("one", "two"), readNew(tail));
        assertEquals(List.of(), readNew(tail));
        append(file, "three\n");
        assertEquals(List.of("three"), readNew(tail));
    }

    @Test
    void aLineStillBeingWrittenWaitsForItsLineBreak() throws IOException {
        Path file = folder.resolve("functions.jsonl");
        append(file, "whole\nhal");
        LogFileTail tail = new LogFileTail(file);

        assertEquals(List.of("whole"), readNew(tail));
        append(file, "f\n");
        assertEquals(List.of("half"), readNew(tail));
    }

    @Test
    void aFileNotYetWrittenGivesNothingUntilItAppears() throws IOException {
        Path file = folder.resolve("functions.jsonl");
        LogFileTail tail = new LogFileTail(file);

        assertEquals(List.of(), readNew(tail));
        append(file, "first\n");
        assertEquals(List.of("first"), readNew(tail));
    }

    @Test
    void afterARollTheRestOfTheOldFileComesFirstThenTheNewFileFromItsStart() throws IOException {
        Path file = folder.resolve("functions.jsonl");
        append(file, "one\n");
        LogFileTail tail = new LogFileTail(file);
        readNew(tail);

        append(file, "two\n");
        Files.move(file, folder.resolve("functions.jsonl.1"), StandardCopyOption.REPLACE_EXISTING);
        append(file, "three\n");

        assertEquals(List.of("two", "three"), readNew(tail));
    }
}
