package com.circoflows.localrunner.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a merchant checks a webhook, written from the documentation alone (javax.crypto directly; the
 * API's own signing code is deliberately not used):
 * <ul>
 * <li>{@code X-Webhook-Signature}: lowercase hex HMAC-SHA256 of the raw body, keyed with the secret
 * string exactly as shown ({@code whsec_...} included), as the reference's PHP snippet computes it;
 * during a rotation's window with the previous secret (the one deployed verifiers hold), else with the
 * current one;</li>
 * <li>Standard Webhooks: {@code webhook-signature} is a space-separated list of
 * {@code v1,<base64 HMAC-SHA256>} over {@code "{webhook-id}.{webhook-timestamp}.{raw body}"}, keyed with
 * the base64-decoded part of the secret after {@code whsec_}; {@code webhook-timestamp} (unix seconds)
 * must be within 5 minutes of now.</li>
 * </ul>
 */
final class Signatures {
    private static final String PREFIX = "whsec_";

    private Signatures() {
    }

    /** What the reference's PHP snippet computes: hash_hmac('sha256', $payload, $webhook_secret). */
    static String referenceSignature(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static boolean referenceSignatureMatches(String secret, byte[] body, String header) {
        return header != null && MessageDigest.isEqual(
                referenceSignature(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }

    /** The Standard Webhooks key: the bytes base64 after whsec_ stands for. */
    static byte[] standardKey(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /** The v1 entry a secret produces for this message. */
    static String standardSignature(String secret, String webhookId, String timestamp, byte[] body) {
        byte[] prefix = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmacSha256(standardKey(secret), signed));
    }

    /** The entries of a webhook-signature header, as sent ("v1,..." each). */
    static List<String> standardEntries(String header) {
        List<String> entries = new ArrayList<>();
        if (header != null) {
            for (String entry : header.trim().split(" +")) {
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /** How many v1 entries of the header this secret produced (0: it did not sign the message). */
    static int standardEntriesSignedBy(String secret, String webhookId, String timestamp, byte[] body, String header) {
        if (webhookId == null || timestamp == null) {
            return 0;
        }
        byte[] expected = standardSignature(secret, webhookId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        int count = 0;
        for (String entry : standardEntries(header)) {
            if (MessageDigest.isEqual(expected, entry.getBytes(StandardCharsets.US_ASCII))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Everything a careful merchant checks, as problems (empty: the request is authentic).
     *
     * @param secrets the secrets the merchant accepts: the current one, and the previous one during a rotation
     */
    static Verification verify(Map<String, List<String>> headers, byte[] body, List<String> secrets, Instant now) {
        List<String> problems = new ArrayList<>();
        if (secrets.isEmpty()) {
            problems.add("the receiver was not told which secret to expect");
            return new Verification(problems);
        }
        String reference = first(headers, "x-webhook-signature");
        String id = first(headers, "webhook-id");
        String timestamp = first(headers, "webhook-timestamp");
        String standard = first(headers, "webhook-signature");
        if (reference == null) {
            problems.add("no X-Webhook-Signature");
        } else if (!reference.matches("[0-9a-f]{64}")) {
            problems.add("X-Webhook-Signature is not 64 lowercase hex digits: " + reference);
        } else if (secrets.stream().noneMatch(secret -> referenceSignatureMatches(secret, body, reference))) {
            problems.add("X-Webhook-Signature does not verify with the expected secret(s)");
        }
        if (id == null || timestamp == null || standard == null) {
            problems.add("missing Standard Webhooks headers: webhook-id=" + id + " webhook-timestamp=" + timestamp
                    + " webhook-signature=" + (standard == null ? null : "present"));
        } else {
            for (String entry : standardEntries(standard)) {
                if (!entry.startsWith("v1,")) {
                    problems.add("webhook-signature entry is not v1: " + entry);
                }
            }
            boolean anyVerifies = secrets.stream()
                    .anyMatch(secret -> standardEntriesSignedBy(secret, id, timestamp, body, standard) > 0);
            if (!anyVerifies) {
                problems.add("no webhook-signature entry verifies with the expected secret(s)");
            }
            if (!timestamp.matches("[0-9]{1,12}")) {
                problems.add("webhook-timestamp is not unix seconds: " + timestamp);
            } else {
                Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs();
                if (skew.compareTo(ReceiverServer.TIMESTAMP_TOLERANCE) > 0) {
                    problems.add("webhook-timestamp is " + skew.toSeconds() + " s away from now");
                }
            }
        }
        return new Verification(problems);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The receiver's verdict on one request. */
    record Verification(List<String> problems) {
        Verification {
            problems = List.copyOf(problems);
        }

        boolean authentic() {
            return problems.isEmpty();
        }
    }
}
