package com.circoflows.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.branding.upload.UploadForm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class PostPolicySignatureTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @Test
    void theSigningKeyMatchesAwsPublishedSigV4Example() {
        byte[] key = PostPolicySignature.signingKey(SECRET, LocalDate.of(2012, 2, 15), "us-east-1", "iam");
        assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
                HexFormat.of().formatHex(key));
    }

    @Test
    void theCredentialScopeNamesTheDayRegionAndS3() {
        assertEquals("AKIDEXAMPLE/20261206/eu-west-1/s3/aws4_request",
                PostPolicySignature.credential("AKIDEXAMPLE", LocalDate.of(2026, 12, 6), "eu-west-1"));
    }

    @Test
    void aChangedPolicyOrAnotherDayGivesAnotherSignature() {
        String policy = PostPolicySignature.encode("{\"expiration\":\"2026-12-06T16:00:00.000Z\"}");
        String signed = PostPolicySignature.sign(policy, SECRET, LocalDate.of(2026, 12, 6), "eu-west-1");
        assertEquals(64, signed.length());
        assertNotEquals(signed, PostPolicySignature.sign(policy + "x", SECRET, LocalDate.of(2026, 12, 6), "eu-west-1"));
        assertNotEquals(signed, PostPolicySignature.sign(policy, SECRET, LocalDate.of(2026, 12, 7), "eu-west-1"));
    }

    @Test
    void theUploadFormPinsTheKeySizeRangeRedirectAndAHarmlessStoredContentTypeAndIsSigned() {
        Instant now = Instant.parse("2026-12-06T15:30:00Z");
        S3LogoUploads uploads = new S3LogoUploads("logo-bucket", "eu-west-1", null,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET)), null,
                Clock.fixed(now, ZoneOffset.UTC));
        UploadForm form = uploads.form("uploads/m_123/abc", 102_400, "https://pay.example/dashboard/settings/branding/logo",
                now.plusSeconds(900));

        assertEquals("https://logo-bucket.s3.eu-west-1.amazonaws.com/", form.action());
        assertEquals("uploads/m_123/abc", form.fields().get("key"));
        assertEquals("application/octet-stream", form.fields().get("Content-Type"));
        assertEquals("AKIDEXAMPLE/20261206/eu-west-1/s3/aws4_request", form.fields().get("x-amz-credential"));
        String policy = new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8);
        assertTrue(policy.contains("\"expiration\":\"2026-12-06T15:45:00.000Z\""), policy);
        assertTrue(policy.contains("[\"content-length-range\",1,102400]"), policy);
        assertTrue(policy.contains("{\"bucket\":\"logo-bucket\"}"), policy);
        assertTrue(policy.contains("{\"key\":\"uploads/m_123/abc\"}"), policy);
        assertTrue(policy.contains("\"success_action_redirect\":\"https://pay.example/dashboard/settings/branding/logo\""),
                policy);
        assertEquals(PostPolicySignature.sign(form.fields().get("policy"), SECRET, LocalDate.of(2026, 12, 6), "eu-west-1"),
                form.fields().get("x-amz-signature"));
    }
}
