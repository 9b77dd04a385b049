package com.circoflows.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a signed delivery to the developer's receiver, as the API would: redirects are not followed (the
 * API counts them as failures too), the answer's body is not read beyond what the JDK discards.
 */
final class LocalForwarder {
    private final HttpClient http;
    private final URI target;
    private final Duration timeout;

    LocalForwarder(URI target, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.target = target;
        this.timeout = timeout;
    }

    URI target() {
        return target;
    }

    /** What the receiver answered: its status, or why there was no answer. Never throws for a receiver's fault. */
    Outcome forward(String body, Map<String, String> headers) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            // The JDK sets its own User-Agent unless asked; content-type and the signatures go as they are.
            request.setHeader(name, value);
        });
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, elapsedMillis(started));
        } catch (HttpConnectTimeoutException e) {
            return new Outcome(0, "could not connect within " + timeout.toMillis() + " ms", elapsedMillis(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(0, "no answer within " + timeout.toMillis() + " ms", elapsedMillis(started));
        } catch (ConnectException e) {
            return new Outcome(0, "connection refused: is your server listening on " + target + "?",
                    elapsedMillis(started));
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    elapsedMillis(started));
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** @param status the HTTP status, 0 when no answer came; @param error why not, else null */
    record Outcome(int status, String error, long millis) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }
}
