package com.circoflows.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * {@code circoflows listen --forward-to URL}: forwards each new event to a local receiver, signed as the API
 * signs its deliveries. It polls the event API, so it works against any stack the key reaches, and it
 * never changes the merchant's endpoint or secret.
 */
final class ListenCommand implements Command {
    static final String WEBHOOK_SECRET = "CIRCOFLOWS_WEBHOOK_SECRET";
    private static final Set<String> VALUE_OPTIONS = Set.of("forward-to", "events", "webhook-secret", "interval",
            "timeout", "max-events");

    private final SecureRandom random;

    ListenCommand(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String name() {
        return "listen";
    }

    @Override
    public String summary() {
        return "--forward-to URL [--events TYPES] [--webhook-secret whsec_…]  forward new events to a local receiver";
    }

    @Override
    public int run(List<String> arguments, Terminal terminal) throws InterruptedException {
        Arguments args = Arguments.parse(arguments, VALUE_OPTIONS, Set.of());
        if (args.has("help")) {
            printHelp(terminal);
            return 0;
        }
        args.words(0, null);
        URI target = target(args.value("forward-to"));
        EventTypeFilter filter = EventTypeFilter.of(args.listValue("events"));
        Duration interval = args.durationValue("interval", Duration.ofSeconds(1), Duration.ofMillis(100));
        Duration timeout = args.durationValue("timeout", Duration.ofSeconds(10), Duration.ofMillis(100));
        int maxEvents = args.intValue("max-events", 0, 0);
        ApiSettings api = ApiSettings.from(terminal);
        ChosenSecret chosen = chooseSecret(args, terminal);

        ListenOutput output = new ListenOutput(terminal.out(), new Style(terminal.colour()), ZoneId.systemDefault(),
                api.baseUrl());
        Listener listener = new Listener(api.client().events(), filter, new DeliverySigner(chosen.secret()),
                new LocalForwarder(target, timeout), output, Clock.systemUTC());
        Stop stop = new Stop();
        CtrlC.Handling ctrlC = CtrlC.requests(stop);
        try {
            if (!listener.start(interval, stop)) {
                return 0;
            }
            output.say(chosen.source() == null
                    ? "Ready. Signing with " + chosen.secret().value() + " for this session; verify with it."
                    : "Ready. Signing with the webhook secret from " + chosen.source() + ".");
            output.say("Forwarding new events (" + filter.describe() + ") from " + api.baseUrl() + " to " + target
                    + ", polling every " + readable(interval) + ". Ctrl+C to stop.");
            int forwarded = listener.run(interval, maxEvents, stop);
            output.say("Stopped after forwarding " + forwarded + (forwarded == 1 ? " event." : " events."));
        } finally {
            ctrlC.close();
        }
        return 0;
    }

    /** @param source where the secret came from; null for one made for this session */
    private record ChosenSecret(SigningSecret secret, String source) {
    }

    /**
     * The endpoint's secret when the developer gives it, so their receiver's configuration needs no change;
     * otherwise one made for this session, as rotating the merchant's real secret would break its
     * deployed receivers.
     */
    private ChosenSecret chooseSecret(Arguments args, Terminal terminal) {
        String option = args.value("webhook-secret");
        if (option != null) {
            return new ChosenSecret(SigningSecret.of(option, "--webhook-secret"), "--webhook-secret");
        }
        String variable = terminal.variable(WEBHOOK_SECRET, null);
        if (variable != null) {
            return new ChosenSecret(SigningSecret.of(variable, WEBHOOK_SECRET), WEBHOOK_SECRET);
        }
        return new ChosenSecret(SigningSecret.generate(random), null);
    }

    /** 1 s, 1.5 s, 200 ms. */
    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0)) + " s";
    }

    private static URI target(String value) {
        if (value == null) {
            throw new UsageException("--forward-to is required: the URL of your webhook receiver, e.g."
                    + " http://localhost:8080/webhooks");
        }
        try {
            URI uri = new URI(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException("--forward-to must be an http or https URL, got " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--forward-to is not a URL: " + value);
        }
    }

    private void printHelp(Terminal terminal) {
        terminal.out().println("""
                usage: circoflows listen --forward-to URL [options]

                Polls the event API (CIRCOFLOWS_BASE_URL, as CIRCOFLOWS_API_KEY) and POSTs each event created
                after it started to URL, with the body and headers the API's own deliveries have. The
                merchant's webhook endpoint and secret are left as they are.

                  --forward-to URL         your webhook receiver, e.g. http://localhost:8080/webhooks
                  --events TYPES           only these types, comma-separated; globs allowed (refund.*)
                  --webhook-secret whsec_… sign with this secret (default CIRCOFLOWS_WEBHOOK_SECRET; without
                                           either, a new secret for this session, printed at the start)
                  --interval DURATION      time between polls (default 1s; 500ms, 2s, …)
                  --timeout DURATION       how long the receiver may take to answer (default 10s)
                  --max-events N           stop after forwarding N events (default: until Ctrl+C)""");
    }
}
