package com.circoflows.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A Terminal whose output a test reads: what a command printed, on stdout and stderr. */
final class CapturedTerminal {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal;

    CapturedTerminal(Map<String, String> environment, boolean colour) {
        terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, colour);
    }

    static CapturedTerminal withEnvironment(Map<String, String> environment) {
        return new CapturedTerminal(environment, false);
    }

    Terminal terminal() {
        return terminal;
    }

    /** Everything printed on stdout so far; safe to call while a command still runs on another thread. */
    String out() {
        synchronized (terminal.out()) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    String err() {
        synchronized (terminal.err()) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
