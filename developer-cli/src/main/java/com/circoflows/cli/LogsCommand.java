package com.circoflows.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code circoflows logs}: the local runner's function logs, which it keeps in
 * {@code <data folder>/logs/functions.jsonl} besides printing them, one readable line each.
 */
final class LogsCommand implements Command {
    static final String DATA_DIR = "CIRCOFLOWS_DATA_DIR";
    static final String LOG_FILE_IN_DATA_DIR = "logs/functions.jsonl";
    private static final Duration FOLLOW_PAUSE = Duration.ofMillis(250);
    private static final int FOLLOW_BACKLOG_LINES = 10;
    private static final List<String> LEVELS = List.of("INFO", "WARN", "ERROR");

    private final Path projectRoot;
    private final ZoneId zone;

    /** @param projectRoot where bin/run-local runs, so where its default data folder is */
    LogsCommand(Path projectRoot, ZoneId zone) {
        this.projectRoot = projectRoot;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String summary() {
        return "[--follow] [--function NAME] [--level WARN] [--data-dir DIR]  the local runner's function logs";
    }

    @Override
    public int run(List<String> arguments, Terminal terminal) throws IOException {
        Arguments args = Arguments.parse(arguments, Set.of("data-dir", "function", "level", "lines"),
                Set.of("follow", "color", "no-color"));
        if (args.has("help")) {
            printHelp(terminal.out());
            return 0;
        }
        args.words(0, null);
        boolean follow = args.has("follow");
        Path file = logFile(args, terminal);
        List<String> functions = args.listValue("function");
        int minimumLevel = minimumLevel(args.value("level"));
        int lines = args.intValue("lines", follow ? FOLLOW_BACKLOG_LINES : 0, 0);
        boolean colour = args.has("color") || terminal.colour() && !args.has("no-color");
        LogLineFormatter formatter = new LogLineFormatter(new Style(colour), zone);
        PrintStream out = terminal.out();

        if (!Files.exists(file) && !follow) {
            terminal.err().println("circoflows logs: no function logs at " + file + ". bin/run-local writes them"
                    + " there while it runs; if it keeps its data elsewhere, pass --data-dir or " + DATA_DIR + ".");
            return 1;
        }
        LogFileTail tail = new LogFileTail(file);
        Consumer<String> show = line -> {
            String shown = shown(line, functions, minimumLevel, formatter);
            if (shown != null) {
                out.println(shown);
            }
        };
        if (lines > 0) {
            Deque<String> last = new ArrayDeque<>();
            tail.readNew(line -> {
                if (passes(line, functions, minimumLevel)) {
                    last.addLast(line);
                    if (last.size() > lines) {
                        last.removeFirst();
                    }
                }
            });
            last.forEach(line -> out.println(formatter.format(line)));
        } else {
            tail.readNew(show);
        }
        out.flush();
        if (!follow) {
            return 0;
        }
        if (!Files.exists(file)) {
            out.println("Waiting for " + file + " (start bin/run-local). Ctrl+C to stop.");
        }
        Stop stop = new Stop();
        CtrlC.Handling ctrlC = CtrlC.requests(stop);
        try {
            while (!stop.pause(FOLLOW_PAUSE)) {
                tail.readNew(show);
                out.flush();
            }
        } finally {
            ctrlC.close();
        }
        return 0;
    }

    /**
     * {@code --data-dir} as given (relative to where you are); else {@code CIRCOFLOWS_DATA_DIR} or
     * {@code .local-data} relative to the project, as bin/run-local reads them.
     */
    private Path logFile(Arguments args, Terminal terminal) {
        String option = args.value("data-dir");
        Path dataDir = option != null ? Path.of(option).toAbsolutePath()
                : projectRoot.resolve(terminal.variable(DATA_DIR, ".local-data"));
        return dataDir.resolve(LOG_FILE_IN_DATA_DIR).normalize();
    }

    /** The line as shown, or null when a filter leaves it out. */
    static String shown(String line, List<String> functions, int minimumLevel, LogLineFormatter formatter) {
        return passes(line, functions, minimumLevel) ? formatter.format(line) : null;
    }

    /**
     * A function is named as in template.yaml, with or without its "Function" suffix, in any case; a line
     * that is not JSON passes only when no filter is given.
     */
    static boolean passes(String line, List<String> functions, int minimumLevel) {
        if (functions.isEmpty() && minimumLevel == 0) {
            return true;
        }
        JsonNode entry = LogLineFormatter.parse(line);
        if (entry == null) {
            return false;
        }
        String level = entry.path("level").asText("").toUpperCase(Locale.ROOT);
        if (LEVELS.indexOf(level) < minimumLevel) {
            return false;
        }
        String name = entry.path("function_name").asText("");
        return functions.isEmpty() || functions.stream().anyMatch(wanted -> name.equalsIgnoreCase(wanted)
                || name.equalsIgnoreCase(wanted + "Function"));
    }

    private static int minimumLevel(String level) {
        if (level == null) {
            return 0;
        }
        int index = LEVELS.indexOf(level.strip().toUpperCase(Locale.ROOT));
        if (index < 0) {
            throw new UsageException("--level is one of " + String.join(", ", LEVELS) + ", got " + level);
        }
        return index;
    }

    private static void printHelp(PrintStream out) {
        out.println("""
                usage: circoflows logs [--follow] [--function NAME] [--level LEVEL] [--lines N] [--data-dir DIR]

                The functions' log lines that bin/run-local keeps in <data folder>/logs/functions.jsonl (and
                prints), one line each: time, function, level, event, fields.

                  --follow           keep showing new lines (after the last 10) until Ctrl+C
                  --function NAME    only this function's lines (CreateDirectPayment or CreateDirectPaymentFunction;
                                     several: comma-separated or repeated)
                  --level LEVEL      WARN shows WARN and ERROR; ERROR only errors
                  --lines N          only the last N lines (default: all; with --follow 10)
                  --data-dir DIR     the runner's data folder (default CIRCOFLOWS_DATA_DIR, else .local-data in
                                     the project)
                  --color, --no-color  colour even when not a terminal, or never (NO_COLOR also turns it off)""");
    }
}
