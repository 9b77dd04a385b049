package com.circoflows.cli;

import com.circoflows.client.CircoFlowsClient;
import com.circoflows.client.model.WebhookEventSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code circoflows trigger <event>}: makes the test-mode objects whose change the API announces with that
 * event, prints them, and prints the events they caused. Test keys only: it pays and refunds.
 */
final class TriggerCommand implements Command {
    private static final Duration EVENT_PATIENCE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "trigger";
    }

    @Override
    public String summary() {
        return "<event> [--amount N --currency C]  make test payments or refunds that cause the event (--help lists them)";
    }

    @Override
    public int run(List<String> arguments, Terminal terminal) throws InterruptedException {
        Arguments args = Arguments.parse(arguments, Set.of("amount", "currency"), Set.of());
        if (args.has("help")) {
            printHelp(terminal.out());
            return 0;
        }
        List<String> words = args.words(1, "trigger takes one event");
        if (words.isEmpty()) {
            throw new UsageException("name the event to trigger: " + eventTypes());
        }
        TriggerScenario scenario = TriggerScenario.forEventType(words.get(0));
        if (scenario == null) {
            throw new UsageException("cannot trigger " + words.get(0) + "; the events are " + eventTypes());
        }
        Money amount = new Money(args.intValue("amount", 1000, 1),
                args.value("currency") == null ? "USD" : args.value("currency").strip().toUpperCase(Locale.ROOT));
        ApiSettings api = ApiSettings.from(terminal);
        if (api.liveKey()) {
            terminal.err().println("circoflows trigger: " + ApiSettings.API_KEY + " is a live key (cf_live_…);"
                    + " trigger makes test payments and refunds, so it needs a test key (cf_test_…)");
            return 1;
        }

        CircoFlowsClient client = api.client();
        PrintStream out = terminal.out();
        TriggerScenario.Caused caused = scenario.cause(new TestObjects(client, amount, out));
        if (caused.eventId() != null) {
            out.println("Triggered " + scenario.eventType() + ": " + caused.eventId());
            return 0;
        }
        List<WebhookEventSummary> events = CausedEvents.awaitType(client.events(), caused.transactionId(),
                scenario.eventType(), EVENT_PATIENCE);
        WebhookEventSummary triggered = null;
        for (WebhookEventSummary event : events) {
            out.println("Event " + event.getEventId() + ": " + event.getType() + " (" + delivery(event) + ")");
            if (scenario.eventType().equals(event.getType())) {
                triggered = event;
            }
        }
        if (triggered == null) {
            terminal.err().println("circoflows trigger: no " + scenario.eventType() + " event listed for "
                    + caused.transactionId() + " after " + EVENT_PATIENCE.toSeconds() + " s");
            return 1;
        }
        out.println("Triggered " + scenario.eventType() + ": " + triggered.getEventId());
        return 0;
    }

    /** An event with nowhere to go is only listed; saying so spares the developer hunting a failure. */
    private static String delivery(WebhookEventSummary event) {
        String error = event.getLastError();
        if ("failed".equals(event.getDeliveryStatus()) && error != null && error.startsWith("no_endpoint")) {
            return "not sent: no webhook endpoint is set; listen forwards it";
        }
        return "delivery: " + event.getDeliveryStatus();
    }

    private static String eventTypes() {
        return Arrays.stream(TriggerScenario.values()).map(TriggerScenario::eventType).collect(Collectors.joining(", "));
    }

    private static void printHelp(PrintStream out) {
        out.println("usage: circoflows trigger <event> [--amount N] [--currency C]");
        out.println();
        out.println("Makes test-mode objects through the API (CIRCOFLOWS_BASE_URL, as CIRCOFLOWS_API_KEY, a test key)");
        out.println("whose change sends the event, and prints them and the events they caused.");
        out.println();
        for (TriggerScenario scenario : TriggerScenario.values()) {
            out.printf("  %-19s %s%n", scenario.eventType(), scenario.description());
        }
        out.println();
        out.println("  --amount N          in minor units (default 1000: 10.00 USD)");
        out.println("  --currency C        default USD");
    }
}
