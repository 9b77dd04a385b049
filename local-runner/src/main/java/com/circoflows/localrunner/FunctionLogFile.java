package com.circoflows.localrunner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The functions' log lines kept in a file of the data folder, for {@code bin/circoflows logs}: appended
 * line by line, owner-only ({@link PrivateFiles}), and bounded: once it reaches its size limit it becomes
 * {@code <name>.1} (replacing the one before) and a new file starts, so at most twice the limit stays.
 * A file that cannot be written is reported once on stderr and given up; the functions never notice.
 */
final class FunctionLogFile implements AutoCloseable {
    /** Where in the data folder; bin/circoflows logs reads the same path. */
    static final String PATH_IN_DATA_FOLDER = "logs/functions.jsonl";
    static final long DEFAULT_ROLL_BYTES = 50L * 1024 * 1024;

    private final Path file;
    private final long rollBytes;
    private final PrintStream problems;
    private OutputStream out;
    private long size;

    private FunctionLogFile(Path file, long rollBytes, PrintStream problems) throws IOException {
        this.file = file;
        this.rollBytes = rollBytes;
        this.problems = problems;
        this.out = PrivateFiles.appendOwnerOnly(file);
        this.size = Files.size(file);
    }

    static FunctionLogFile open(Path file, long rollBytes, PrintStream problems) throws IOException {
        return new FunctionLogFile(file, rollBytes, problems);
    }

    Path file() {
        return file;
    }

    /** One whole line, its line break included, so a roll never splits a line between two files. */
    synchronized void appendLine(byte[] bytes, int offset, int length) {
        if (out == null) {
            return;
        }
        try {
            if (size > 0 && size + length > rollBytes) {
                roll();
            }
            out.write(bytes, offset, length);
            size += length;
        } catch (IOException e) {
            problems.println("local runner: cannot write the function log " + file + " (" + e.getMessage()
                    + "); the logs still go to stdout");
            closeQuietly();
        }
    }

    private void roll() throws IOException {
        out.close();
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        out = PrivateFiles.appendOwnerOnly(file);
        size = 0;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
            out = null;
        }
    }
}
