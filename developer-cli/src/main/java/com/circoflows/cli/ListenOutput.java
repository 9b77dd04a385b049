package com.circoflows.cli;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What listen prints: one line per forwarded event, and what went wrong with the API, once per problem. */
final class ListenOutput {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** The longest type, payment.authorized, so the ids line up. */
    private static final int TYPE_WIDTH = 18;

    private final PrintStream out;
    private final Style style;
    private final ZoneId zone;
    private final String apiUrl;
    private String currentProblem;

    ListenOutput(PrintStream out, Style style, ZoneId zone, String apiUrl) {
        this.out = out;
        this.style = style;
        this.zone = zone;
        this.apiUrl = apiUrl;
    }

    void say(String line) {
        out.println(line);
        out.flush();
    }

    /** {@code 14:03:07  payment.succeeded   evt_…  txn_…  -> 200 (12 ms)}, the time the event's own. */
    void forwarded(ListedEvent event, LocalForwarder.Outcome outcome) {
        String answer = outcome.status() == 0
                ? style.red("-> " + outcome.error())
                : (outcome.succeeded() ? style.green("-> " + outcome.status()) : style.red("-> " + outcome.status()))
                        + " (" + outcome.millis() + " ms)";
        say(eventColumns(event) + "  " + answer);
    }

    void notRead(ListedEvent event, String reason) {
        say(eventColumns(event) + "  " + style.red("-> not forwarded: " + reason));
    }

    /** An API error while polling, printed when it first happens or changes, not every second. */
    void apiProblem(String problem) {
        if (!problem.equals(currentProblem)) {
            currentProblem = problem;
            say(style.yellow("API at " + apiUrl + ": " + problem + "; still polling"));
        }
    }

    void apiAnswering() {
        if (currentProblem != null) {
            currentProblem = null;
            say(style.green("API at " + apiUrl + ": answering again"));
        }
    }

    private String eventColumns(ListedEvent event) {
        String type = String.format("%-" + TYPE_WIDTH + "s", event.type());
        return style.dim(TIME.format(event.createdAt().atZone(zone))) + "  " + style.bold(type) + "  " + event.id()
                + "  " + (event.transactionId() == null ? "-" : event.transactionId());
    }
}
