package com.circoflows.localrunner.testsupport;

import com.circoflows.observability.JsonLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tees System.out and System.err into one file while they keep printing where they printed before.
 * Installed before the LocalRunner starts, so whatever the handlers, DynamoDB Local, ElasticMQ and
 * the SDK write to either stream lands in the file too. Every write is flushed at once, so a reader
 * of the file sees everything written so far.
 */
public final class CapturedOutput implements AutoCloseable {
    private final Path file;
    private final OutputStream fileStream;
    private final PrintStream originalOut;
    private final PrintStream originalErr;

    private CapturedOutput(Path file, OutputStream fileStream, PrintStream originalOut, PrintStream originalErr) {
        this.file = file;
        this.fileStream = fileStream;
        this.originalOut = originalOut;
        this.originalErr = originalErr;
    }

    public static CapturedOutput install(Path file) {
        try {
            Files.createDirectories(file.getParent());
            OutputStream fileStream = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            PrintStream out = System.out;
            PrintStream err = System.err;
            CapturedOutput captured = new CapturedOutput(file, fileStream, out, err);
            System.setOut(new PrintStream(new Tee(out, fileStream), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(err, fileStream), true, StandardCharsets.UTF_8));
            // JsonLog keeps the System.out it saw when its class loaded; make sure that is the tee.
            JsonLog.redirectTo(System.out);
            return captured;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot capture output into " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
        JsonLog.redirectTo(originalOut);
        synchronized (fileStream) {
            try {
                fileStream.close();
            } catch (IOException e) {
                originalErr.println("e2e: could not close " + file + ": " + e.getMessage());
            }
        }
    }

    /** Writes to the original stream and the shared file; one lock on the file keeps lines whole. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final OutputStream file;

        Tee(OutputStream original, OutputStream file) {
            this.original = original;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            original.write(bytes, offset, length);
            synchronized (file) {
                try {
                    file.write(bytes, offset, length);
                    file.flush();
                } catch (IOException closed) {
                    // After close (JVM shutdown) the console still gets everything.
                }
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
