package com.circoflows.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the complete lines added to a log file since the last read. The local runner rolls the file over
 * (renames it to {@code <name>.1} and starts a new one): the rest of the old file is read first, then the
 * new one from its start. A line still being written waits for its line break.
 */
final class LogFileTail {
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private Object fileKey;
    private long position;

    LogFileTail(Path file) {
        this.file = file;
    }

    /** Hands each complete line added since the last call, in order; none when the file does not exist (yet). */
    void readNew(Consumer<String> line) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException rollingOverOrNotYetWritten) {
            return;
        }
        Object key = attributes.fileKey();
        boolean anotherFile = fileKey != null && key != null && !Objects.equals(fileKey, key);
        if (anotherFile || attributes.size() < position) {
            finishRolledFile(line);
            position = 0;
            partialLine.reset();
        }
        fileKey = key;
        position = readFrom(file, position, line);
    }

    /** What was added to the file before it was renamed: it is {@code <name>.1} now, if anything. */
    private void finishRolledFile(Consumer<String> line) throws IOException {
        Path rolled = file.resolveSibling(file.getFileName() + ".1");
        try {
            Object rolledKey = Files.readAttributes(rolled, BasicFileAttributes.class).fileKey();
            if (fileKey != null && fileKey.equals(rolledKey)) {
                readFrom(rolled, position, line);
            }
        } catch (NoSuchFileException gone) {
            // nothing left to read of it
        }
    }

    /** @return the position after the last byte read */
    private long readFrom(Path path, long from, Consumer<String> line) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.position(from);
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long at = from;
            int read;
            while ((read = channel.read(buffer)) > 0) {
                at += read;
                byte[] bytes = buffer.array();
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == '\n') {
                        partialLine.write(bytes, start, i - start);
                        line.accept(completeLine());
                        start = i + 1;
                    }
                }
                partialLine.write(bytes, start, read - start);
                buffer.clear();
            }
            return at;
        }
    }

    private String completeLine() {
        String text = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
