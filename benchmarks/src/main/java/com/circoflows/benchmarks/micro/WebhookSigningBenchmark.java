package com.circoflows.benchmarks.micro;

import com.circoflows.domain.keys.DerivedKeys.Hmac;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvents;
import com.circoflows.domain.webhook.WebhookPayload;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signing one payment.succeeded webhook as the delivery function does: the reference's
 * x-webhook-signature (hex HMAC-SHA256 of the body) and the Standard Webhooks signature (base64
 * HMAC-SHA256 of id.timestamp.body), once with one secret and once during a rotation (two
 * Standard Webhooks signatures); and one bare HMAC-SHA256 of the body, the primitive under both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebhookSigningBenchmark {
    private final WebhookSigner signer = new WebhookSigner();
    private WebhookSecret current;
    private WebhookSecret previous;
    private String eventId;
    private String body;
    private byte[] bodyBytes;
    private byte[] referenceKey;
    private long timestamp;

    @Setup
    public void payload() {
        current = WebhookSecret.generate();
        previous = WebhookSecret.generate();
        WebhookEvent event = WebhookEvents.announce(SamplePayment.completed(), SamplePayment.NOW);
        eventId = event.eventId();
        body = WebhookPayload.render(event);
        bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        referenceKey = current.value().getBytes(StandardCharsets.UTF_8);
        timestamp = SamplePayment.NOW.getEpochSecond();
    }

    @Benchmark
    public Map<String, String> bothSchemesOneSecret() {
        return signer.sign(eventId, timestamp, body, current, null);
    }

    @Benchmark
    public Map<String, String> bothSchemesDuringRotation() {
        return signer.sign(eventId, timestamp, body, current, previous);
    }

    @Benchmark
    public byte[] hmacSha256OfBody() {
        return Hmac.sha256(referenceKey, bodyBytes);
    }
}
