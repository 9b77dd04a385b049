package com.circoflows.localrunner;

import com.circoflows.observability.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * While a runner with a data folder runs, the functions' JSON log lines ({@link JsonLog}) still print on
 * stdout exactly as before and are also appended to {@code <data folder>/logs/functions.jsonl}
 * ({@link FunctionLogFile}), where {@code bin/circoflows logs} reads them. JsonLog's sink is one per JVM,
 * so two such runners in one JVM would both write into the file of the later one.
 */
final class FunctionLogTee implements AutoCloseable {
    private final PrintStream console;
    private final FunctionLogFile file;

    private FunctionLogTee(PrintStream console, FunctionLogFile file) {
        this.console = console;
        this.file = file;
    }

    static FunctionLogTee install(Path dataDir) {
        return install(dataDir.resolve(FunctionLogFile.PATH_IN_DATA_FOLDER), FunctionLogFile.DEFAULT_ROLL_BYTES);
    }

    static FunctionLogTee install(Path logFile, long rollBytes) {
        PrintStream console = System.out;
        FunctionLogFile file;
        try {
            file = FunctionLogFile.open(logFile, rollBytes, System.err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the function log " + logFile, e);
        }
        JsonLog.redirectTo(new PrintStream(new LineTee(console, file), true, StandardCharsets.UTF_8));
        return new FunctionLogTee(console, file);
    }

    Path file() {
        return file.file();
    }

    @Override
    public void close() {
        JsonLog.redirectTo(console);
        file.close();
    }

    /** Every byte to the console at once; each complete line to the file as one write. */
    private static final class LineTee extends OutputStream {
        private final OutputStream console;
        private final FunctionLogFile file;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

        LineTee(OutputStream console, FunctionLogFile file) {
            this.console = console;
            this.file = file;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i + 1 - start);
                    file.appendLine(line.toByteArray(), 0, line.size());
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }

        @Override
        public synchronized void flush() throws IOException {
            console.flush();
        }
    }
}
