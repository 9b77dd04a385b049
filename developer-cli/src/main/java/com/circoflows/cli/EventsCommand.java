package com.circoflows.cli;

import com.circoflows.client.EventService;
import com.circoflows.client.Page;
import com.circoflows.client.model.DeliveryAttempt;
import com.circoflows.client.model.EventListParams;
import com.circoflows.client.model.WebhookEventSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * {@code circoflows events list} shows the newest events and how their delivery went;
 * {@code circoflows events resend evt_…} has the API deliver one again to where its events go (the
 * payment's webhook_url or the merchant's endpoint; not to listen, which forwards new events only).
 */
final class EventsCommand implements Command {
    /** The start of an event's last error: enough to tell a refusal from a timeout on one line. */
    private static final int LAST_ERROR_WIDTH = 60;
    private static final Duration ATTEMPT_PATIENCE = Duration.ofSeconds(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    EventsCommand(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String summary() {
        return "list [--limit N] [--transaction txn_…] | resend evt_… [--no-wait]  the events and their delivery; deliver one again";
    }

    @Override
    public int run(List<String> arguments, Terminal terminal) throws InterruptedException {
        Arguments args = Arguments.parse(arguments, Set.of("limit", "transaction"), Set.of("no-wait"));
        if (args.has("help")) {
            printHelp(terminal.out());
            return 0;
        }
        List<String> words = args.words(2, null);
        if (words.isEmpty()) {
            throw new UsageException("list or resend?");
        }
        switch (words.get(0)) {
            case "list" -> {
                args.words(1, "events list takes options only");
                return list(args, terminal);
            }
            case "resend" -> {
                if (words.size() < 2) {
                    throw new UsageException("name the event to resend: circoflows events resend evt_…");
                }
                return resend(words.get(1), !args.has("no-wait"), terminal);
            }
            default -> throw new UsageException("no events " + words.get(0) + "; list or resend");
        }
    }

    private int list(Arguments args, Terminal terminal) {
        int limit = args.intValue("limit", 20, 1);
        if (limit > 100) {
            throw new UsageException("--limit is at most 100");
        }
        EventListParams.Builder filter = EventListParams.builder().limit(limit);
        if (args.value("transaction") != null) {
            filter.transactionId(args.value("transaction").strip());
        }
        Page<WebhookEventSummary> page = ApiSettings.from(terminal).client().events().list(filter.build());
        Style style = new Style(terminal.colour());
        PrintStream out = terminal.out();
        if (page.getData().isEmpty()) {
            out.println("No events.");
        }
        for (WebhookEventSummary event : page.getData()) {
            out.println(style.dim(TIME.format(event.getCreatedAt().atZone(zone))) + "  "
                    + String.format("%-18s", event.getType()) + "  " + event.getEventId() + "  "
                    + (event.getTransactionId() == null ? String.format("%-28s", "-") : event.getTransactionId()) + "  "
                    + delivery(event, style));
        }
        if (page.hasMore()) {
            out.println(style.dim("(older events follow: raise --limit, up to 100)"));
        }
        return 0;
    }

    /** Asks for the delivery, then waits a little for its attempt so the developer sees how it went. */
    private int resend(String eventId, boolean wait, Terminal terminal) throws InterruptedException {
        EventService events = ApiSettings.from(terminal).client().events();
        WebhookEventSummary event = events.redeliver(eventId.strip());
        int attemptsBefore = event.getAttemptCount() == null ? 0 : event.getAttemptCount();
        PrintStream out = terminal.out();
        out.println("Resending " + event.getEventId() + " (" + event.getType() + "): queued after "
                + attemptsBefore + (attemptsBefore == 1 ? " attempt" : " attempts"));
        if (!wait) {
            return 0;
        }
        Style style = new Style(terminal.colour());
        long deadline = System.nanoTime() + ATTEMPT_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            List<DeliveryAttempt> attempts = events.retrieve(event.getEventId()).getAttempts();
            if (attempts.size() > attemptsBefore) {
                DeliveryAttempt attempt = attempts.get(attempts.size() - 1);
                boolean succeeded = attempt.getHttpStatus() != null && attempt.getHttpStatus() / 100 == 2;
                String answer = attempt.getHttpStatus() != null ? "-> " + attempt.getHttpStatus()
                        : "-> " + attempt.getError();
                out.println("Attempt " + attempt.getNumber() + " to " + attempt.getUrl() + " "
                        + (succeeded ? style.green(answer) : style.red(answer))
                        + (attempt.getDurationMs() == null ? "" : " (" + attempt.getDurationMs() + " ms)"));
                return 0;
            }
        }
        out.println("No attempt yet after " + ATTEMPT_PATIENCE.toSeconds() + " s; circoflows events list shows it later");
        return 0;
    }

    private static String delivery(WebhookEventSummary event, Style style) {
        String status = event.getDeliveryStatus();
        String text = status + " (" + event.getAttemptCount() + (event.getAttemptCount() == 1 ? " attempt)" : " attempts)");
        if (event.getLastError() != null && !"delivered".equals(status)) {
            String error = event.getLastError();
            text += " " + (error.length() > LAST_ERROR_WIDTH ? error.substring(0, LAST_ERROR_WIDTH - 1) + "…" : error);
        }
        return switch (status) {
            case "delivered" -> style.green(text);
            case "failed" -> style.red(text);
            default -> style.yellow(text);
        };
    }

    private static void printHelp(PrintStream out) {
        out.println("""
                usage: circoflows events list [--limit N] [--transaction txn_…]
                       circoflows events resend evt_… [--no-wait]

                  list     the newest events (default 20, at most 100), or one payment's, with their delivery
                  resend   the API delivers the event again, same id and body, to where its events go (the
                           payment's webhook_url or your endpoint); an event that is still being retried gets
                           one extra attempt now; it waits up to 15 s for the attempt and shows its answer
                           (--no-wait: only ask)""");
    }
}
