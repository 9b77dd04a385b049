package com.circoflows.localrunner.sessions;

import com.circoflows.localrunner.openapi.OpenApiContract;
import com.circoflows.localrunner.openapi.OpenApiDocument;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A merchant's webhook endpoint for the session tests: the suite's {@link WebhookReceiver}, answering
 * 200, with each delivery held to docs/openapi.yaml's webhooks.
 */
final class WebhookCatcher implements AutoCloseable {
    private final WebhookReceiver receiver = WebhookReceiver.start().answer(Answering.always(200));
    /** Deliveries that are not as docs/openapi.yaml's webhooks describe them. */
    private final List<String> contractProblems = new CopyOnWriteArrayList<>();

    private WebhookCatcher() {
        receiver.inspectEach(delivery -> {
            try {
                OpenApiContract.get().webhookProblems(delivery.headerValues(), delivery.body())
                        .forEach(problem -> contractProblems.add(delivery.path() + ": " + problem));
            } catch (RuntimeException e) {
                contractProblems.add(delivery.path() + ": could not be checked: " + e);
            }
        });
    }

    static WebhookCatcher start() {
        return new WebhookCatcher();
    }

    String url(String path) {
        return receiver.url(path);
    }

    /** The first delivery whose body contains {@code text}, waiting up to {@code timeout}. */
    Delivery awaitDeliveryContaining(String text, Duration timeout) {
        WebhookReceiver.Received found = receiver.awaitReceived("a webhook containing " + text, timeout, seen -> {
            if (!contractProblems.isEmpty()) {
                throw new AssertionError("webhook deliveries not as " + OpenApiDocument.RELATIVE_PATH
                        + " describes them: " + contractProblems);
            }
            return seen.stream().anyMatch(delivery -> delivery.body().contains(text));
        }).stream().filter(delivery -> delivery.body().contains(text)).findFirst().orElseThrow();
        return new Delivery(found.path(), found.header("x-webhook-signature"), found.body());
    }

    @Override
    public void close() {
        receiver.close();
    }

    record Delivery(String path, String signature, String body) {
        Map<String, Object> asMap() {
            return SessionsE2e.JSON.convertValue(SessionsE2e.parse(body), Map.class);
        }
    }
}
