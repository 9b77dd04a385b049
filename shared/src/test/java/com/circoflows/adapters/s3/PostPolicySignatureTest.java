package com.circoflows.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PostPolicySignatureTest {
    /**
     * AWS's published example of a browser-based upload with SigV4 (S3 API Reference, "Example:
     * Browser-Based Upload using HTTP POST (Using AWS Signature Version 4)"): its base64 policy, example
     * credentials and the signature the page states.
     */
    private static final String AWS_EXAMPLE_POLICY = "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";

    @Test
    void signsAwsPublishedPostPolicyExampleToTheSignatureThePageStates() {
        assertEquals("8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e",
                PostPolicySignature.sign(AWS_EXAMPLE_POLICY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        LocalDate.of(2015, 12, 29), "us-east-1"));
    }

    @Test
    void theCredentialFieldNamesTheKeyTheDayTheRegionAndS3() {
        assertEquals("AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request",
                PostPolicySignature.credential("AKIAIOSFODNN7EXAMPLE", LocalDate.of(2015, 12, 29), "us-east-1"));
    }
}
