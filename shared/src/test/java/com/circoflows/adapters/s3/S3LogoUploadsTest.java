package com.circoflows.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.branding.upload.UploadForm;
import com.circoflows.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class S3LogoUploadsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final String KEY = "uploads/mch_ABC/0123456789abcdefghijklmn";
    private static final String BACK = "https://pay.example.com/dashboard/settings/branding/logo";

    private static S3LogoUploads uploads(URI endpoint, software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
        return new S3LogoUploads("acme-logo-uploads", "eu-west-1", endpoint, StaticCredentialsProvider.create(credentials),
                null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFormPostsToTheBucketsRegionalEndpointWithEveryFieldItsSignedPolicyNames() {
        UploadForm form = uploads(null, AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "token-1"))
                .form(KEY, 10_485_760, BACK, NOW.plusSeconds(3600));

        assertEquals("https://acme-logo-uploads.s3.eu-west-1.amazonaws.com/", form.action());
        assertEquals(List.of("key", "Content-Type", "success_action_redirect", "x-amz-algorithm", "x-amz-credential",
                "x-amz-date", "x-amz-security-token", "policy", "x-amz-signature"), List.copyOf(form.fields().keySet()));
        assertEquals("ASIAEXAMPLE/20260301/eu-west-1/s3/aws4_request", form.fields().get("x-amz-credential"));
        assertEquals("20260301T101530Z", form.fields().get("x-amz-date"));
        assertEquals("token-1", form.fields().get("x-amz-security-token"));
        assertEquals(PostPolicySignature.sign(form.fields().get("policy"), "secret", LocalDate.of(2026, 3, 1), "eu-west-1"),
                form.fields().get("x-amz-signature"));

        Map<String, Object> policy = Json.readMap(new String(Base64.getDecoder().decode(form.fields().get("policy")),
                StandardCharsets.UTF_8));
        assertEquals("2026-03-01T11:15:30.000Z", policy.get("expiration"));
        List<?> conditions = (List<?>) policy.get("conditions");
        assertTrue(conditions.contains(Map.of("bucket", "acme-logo-uploads")));
        assertTrue(conditions.contains(Map.of("key", KEY)), "the exact key: nothing else of the bucket can be written");
        assertTrue(conditions.contains(Map.of("Content-Type", "application/octet-stream")),
                "stored as bytes, never as anything a browser would run");
        assertTrue(conditions.contains(Map.of("success_action_redirect", BACK)));
        assertTrue(conditions.toString().contains("[content-length-range, 1, 10485760]"), conditions::toString);
        for (String field : form.fields().keySet()) {
            if (!field.equals("policy") && !field.equals("x-amz-signature")) {
                assertTrue(conditions.contains(Map.of(field, form.fields().get(field))), field + " is in the policy");
            }
        }
    }

    @Test
    void withoutASessionTokenTheFormCarriesNoneAndLocallyPostsPathStyleToTheStandIn() {
        UploadForm form = uploads(URI.create("http://127.0.0.1:4570/"), AwsBasicCredentials.create("local", "local"))
                .form(KEY, 100, BACK, NOW.plusSeconds(60));

        assertEquals("http://127.0.0.1:4570/acme-logo-uploads", form.action());
        assertFalse(form.fields().containsKey("x-amz-security-token"));
    }
}
