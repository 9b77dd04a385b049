package com.circoflows.testing;

import com.circoflows.domain.webhook.TransportResult;
import com.circoflows.domain.webhook.WebhookTransport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Records every POST and answers from a script: first the answers queued for that event
 * ({@link #answerEvent}), then those queued for any request ({@link #thenAnswer}), then the
 * default (200 unless told otherwise). Safe to call from parallel deliveries.
 */
public final class ScriptedWebhookTransport implements WebhookTransport {
    /** One POST as the merchant's server would have received it; header names are lower case. */
    public record Request(String url, Map<String, String> headers, String body) {
        public String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }

        public String eventId() {
            return headers.get("webhook-id");
        }
    }

    private final List<Request> requests = new ArrayList<>();
    private final Deque<TransportResult> script = new ArrayDeque<>();
    private final Map<String, Deque<TransportResult>> perEvent = new HashMap<>();
    private Function<Request, TransportResult> fallback = request -> TransportResult.response(200, 12, "ok");

    public static TransportResult ok() {
        return TransportResult.response(200, 12, "ok");
    }

    public static TransportResult status(int httpStatus) {
        return TransportResult.response(httpStatus, 15, "status " + httpStatus);
    }

    public static TransportResult error(String error) {
        return TransportResult.failure(error, 10_000);
    }

    @Override
    public synchronized TransportResult post(String url, Map<String, String> headers, String body) {
        Request request = new Request(url, Map.copyOf(headers), body);
        requests.add(request);
        Deque<TransportResult> forEvent = perEvent.get(request.eventId());
        if (forEvent != null && !forEvent.isEmpty()) {
            return forEvent.removeFirst();
        }
        if (!script.isEmpty()) {
            return script.removeFirst();
        }
        return fallback.apply(request);
    }

    /** The next requests (in arrival order) get these answers. */
    public synchronized ScriptedWebhookTransport thenAnswer(TransportResult... results) {
        script.addAll(List.of(results));
        return this;
    }

    /** The next requests for {@code eventId} get these answers, whatever the order of arrival. */
    public synchronized ScriptedWebhookTransport answerEvent(String eventId, TransportResult... results) {
        perEvent.computeIfAbsent(eventId, id -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    /** Once the script is used up, every request gets this answer. */
    public synchronized ScriptedWebhookTransport otherwiseAnswer(TransportResult result) {
        this.fallback = request -> result;
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requestsFor(String eventId) {
        return requests.stream().filter(r -> eventId.equals(r.eventId())).toList();
    }

    public synchronized Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one POST, got " + requests.size());
        }
        return requests.get(0);
    }
}
