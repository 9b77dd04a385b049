package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostPolicyCheckTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Map<String, String> SECRETS = Map.of("local", "local");

    /** AWS's "Example: Browser-Based Upload using HTTP POST (Using AWS Signature Version 4)": its base64 policy and signature. */
    @Test
    void checksSignaturesAsAwsPublishedExampleComputesThem() {
        String policy = "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";
        assertEquals("8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e",
                PostPolicyCheck.sign(policy, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20151229", "us-east-1"));
    }

    @Test
    void aFormAsItsPolicyAllowsPassesAndEachDeviationIsRefusedAsS3Refuses() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", "uploads/m/1");
        fields.put("Content-Type", "application/octet-stream");
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", "local/20260301/us-east-1/s3/aws4_request");
        fields.put("x-amz-date", "20260301T100000Z");
        String json = "{\"expiration\":\"2026-03-01T11:00:00.000Z\",\"conditions\":[{\"bucket\":\"b\"},"
                + "{\"key\":\"uploads/m/1\"},{\"Content-Type\":\"application/octet-stream\"},"
                + "{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},{\"x-amz-credential\":\"local/20260301/us-east-1/s3/aws4_request\"},"
                + "{\"x-amz-date\":\"20260301T100000Z\"},[\"content-length-range\",1,10]]}";
        String policy = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        fields.put("policy", policy);
        fields.put("x-amz-signature", PostPolicyCheck.sign(policy, "local", "20260301", "us-east-1"));

        assertNull(PostPolicyCheck.check("b", new MultipartForm(fields, "file", new byte[5]), SECRETS, NOW));
        assertEquals("EntityTooLarge", PostPolicyCheck.check("b", new MultipartForm(fields, "file", new byte[11]),
                SECRETS, NOW).code());
        assertEquals("AccessDenied", PostPolicyCheck.check("other", new MultipartForm(fields, "file", new byte[5]),
                SECRETS, NOW).code());
        assertEquals("Invalid according to Policy: Policy expired.", PostPolicyCheck.check("b",
                new MultipartForm(fields, "file", new byte[5]), SECRETS, NOW.plusSeconds(7200)).message());
        Map<String, String> extra = new LinkedHashMap<>(fields);
        extra.put("acl", "public-read");
        assertEquals("Invalid according to Policy: Extra input fields: acl", PostPolicyCheck.check("b",
                new MultipartForm(extra, "file", new byte[5]), SECRETS, NOW).message());
        Map<String, String> forged = new LinkedHashMap<>(fields);
        forged.put("x-amz-signature", "0".repeat(64));
        assertEquals("SignatureDoesNotMatch", PostPolicyCheck.check("b", new MultipartForm(forged, "file", new byte[5]),
                SECRETS, NOW).code());
    }

    @Test
    void aBrowsersMultipartBodyIsReadUpToTheFileAndFieldsAfterItAreIgnored() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuploads/m/1\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
                + "PNG\r\n--bytes\r\n--XyZ\r\nContent-Disposition: form-data; name=\"submit\"\r\n\r\nUpload\r\n--XyZ--\r\n";

        MultipartForm form = MultipartForm.parse("multipart/form-data; boundary=XyZ",
                body.getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(Map.of("key", "uploads/m/1"), form.fields());
        assertEquals("file", form.fileField());
        assertEquals("PNG\r\n--bytes", new String(form.file(), StandardCharsets.ISO_8859_1));
        assertNull(MultipartForm.parse("application/x-www-form-urlencoded", new byte[0]));
    }
}
