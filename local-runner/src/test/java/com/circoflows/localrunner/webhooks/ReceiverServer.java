package com.circoflows.localrunner.webhooks;

import com.circoflows.localrunner.openapi.OpenApiContract;
import com.circoflows.localrunner.openapi.OpenApiDocument;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import com.circoflows.testsupport.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A merchant's webhook endpoint for the end-to-end tests, independent of the code under test: the
 * suite's one {@link WebhookReceiver} (records every request, answers as programmed), which here also
 * checks both signatures of each request with {@link Signatures} (its own javax.crypto code, not the
 * API's signer) against the secret the test told it to expect, and holds each delivery to
 * docs/openapi.yaml's webhooks.
 */
final class ReceiverServer implements AutoCloseable {
    /** Standard Webhooks' replay window: a timestamp further than this from our clock is refused. */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    private final WebhookReceiver receiver;
    private final AtomicReference<List<String>> expectedSecrets = new AtomicReference<>(List.of());
    private final Map<Integer, Signatures.Verification> verifications = new ConcurrentHashMap<>();
    /** Deliveries that are not as docs/openapi.yaml's webhooks describe them; reading deliveries fails on any. */
    private final List<String> contractProblems = new CopyOnWriteArrayList<>();

    private ReceiverServer(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    static ReceiverServer start() {
        ReceiverServer server = new ReceiverServer(WebhookReceiver.start());
        server.receiver.answer(Answering.always(200)).inspectEach(server::check);
        return server;
    }

    /** The URL merchants would register: http on 127.0.0.1 (loopback is allowed in local mode only). */
    String url(String path) {
        return receiver.url(path);
    }

    int port() {
        return receiver.port();
    }

    /** How to answer from now on; request numbers keep counting from where they are. */
    ReceiverServer answer(Answering next) {
        receiver.answer(next);
        return this;
    }

    /**
     * The secrets requests must be signed with: X-Webhook-Signature and webhook-signature each with at
     * least one of them (during a rotation the reference header is the previous secret's; the tests
     * that care check which).
     */
    ReceiverServer expectSecrets(String current, String... previous) {
        List<String> secrets = new ArrayList<>();
        secrets.add(Objects.requireNonNull(current));
        secrets.addAll(Arrays.asList(previous));
        expectedSecrets.set(List.copyOf(secrets));
        return this;
    }

    List<Received> requests() {
        assertDeliveriesAsDocumented();
        return receiver.received().stream().map(this::withVerification).toList();
    }

    List<Received> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Requests answered with a 2xx: the deliveries the merchant counts as received. */
    List<Received> successfulDeliveries() {
        return requests().stream().filter(Received::answeredSuccess).toList();
    }

    /** Every test reads deliveries through the accessors above, so each delivery is held to the document. */
    private void assertDeliveriesAsDocumented() {
        if (!contractProblems.isEmpty()) {
            throw new AssertionError("webhook deliveries not as " + OpenApiDocument.RELATIVE_PATH
                    + " describes them: " + contractProblems);
        }
    }

    private void check(WebhookReceiver.Received request) {
        verifications.put(request.number(), Signatures.verify(request.headerValues(), request.rawBody(),
                expectedSecrets.get(), request.receivedAt()));
        try {
            OpenApiContract.get().webhookProblems(request.headerValues(), request.body())
                    .forEach(problem -> contractProblems.add(request + ": " + problem));
        } catch (RuntimeException e) {
            contractProblems.add(request + ": could not be checked: " + e);
        }
    }

    private Received withVerification(WebhookReceiver.Received request) {
        return new Received(request, verifications.get(request.number()));
    }

    @Override
    public void close() {
        receiver.close();
    }

    /** One request as the receiver saw it, with what its signatures proved. */
    record Received(WebhookReceiver.Received request, Signatures.Verification verification) {
        int number() {
            return request.number();
        }

        Instant receivedAt() {
            return request.receivedAt();
        }

        long receivedNanos() {
            return request.receivedNanos();
        }

        String method() {
            return request.method();
        }

        String path() {
            return request.path();
        }

        /** Header names in lower case, each with all its values. */
        Map<String, List<String>> headers() {
            return request.headerValues();
        }

        byte[] body() {
            return request.rawBody();
        }

        int answeredStatus() {
            return request.answeredStatus();
        }

        String header(String name) {
            List<String> values = request.headerValues().get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(request.rawBody(), StandardCharsets.UTF_8);
        }

        String webhookId() {
            return header("webhook-id");
        }

        boolean answeredSuccess() {
            return request.answeredSuccess();
        }

        @Override
        public String toString() {
            return request.toString();
        }
    }
}
