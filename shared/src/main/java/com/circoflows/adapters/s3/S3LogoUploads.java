package com.circoflows.adapters.s3;

import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.config.Settings;
import com.circoflows.domain.branding.upload.LogoUploads;
import com.circoflows.domain.branding.upload.UploadForm;
import com.circoflows.domain.branding.upload.UploadedFile;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.json.Json;
import com.circoflows.observability.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Logo uploads in an S3 bucket, without the S3 client (its jar would take the dashboard function past
 * its size budget): the upload form is a presigned POST whose policy this signs, and the two calls the
 * dashboard makes, a ranged GetObject and DeleteObject, are plain HTTP requests signed by the SDK's own
 * SigV4 signer. Locally {@code AWS_ENDPOINT_URL_S3} points at the local stack's S3 stand-in (path-style).
 *
 * <p>The policy pins everything: the bucket, the exact key, the size range, the redirect and a stored
 * content type of application/octet-stream, so what lands there is never served as anything a browser runs.
 */
public final class S3LogoUploads implements LogoUploads {
    private static final JsonLog LOG = JsonLog.get(S3LogoUploads.class);
    static final String STORED_CONTENT_TYPE = "application/octet-stream";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern CONTENT_RANGE_TOTAL = Pattern.compile("^bytes \\d+-\\d+/(\\d+)$");

    private final String bucket;
    private final String region;
    private final URI endpointOverride;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** @param endpointOverride the local stand-in's address (path-style), or null for S3 itself */
    public S3LogoUploads(String bucket, String region, URI endpointOverride, AwsCredentialsProvider credentials,
            SdkHttpClient http, Clock clock) {
        this.bucket = bucket;
        this.region = region;
        this.endpointOverride = endpointOverride;
        this.credentials = credentials;
        this.http = http;
        this.clock = clock;
    }

    /**
     * The function's bucket ({@code LOGO_UPLOAD_BUCKET}), region, credentials and, locally, the stand-in's
     * endpoint ({@code AWS_ENDPOINT_URL_S3}). Only the dashboard's settings function has this class in its jar;
     * typed as the port, so a caller's class verifies in the jars without it (a class type would have the JVM's
     * verifier load both to compare them).
     */
    public static LogoUploads fromSettings(Settings settings, SdkHttpClient http, Clock clock) {
        return new S3LogoUploads(settings.required("LOGO_UPLOAD_BUCKET"), AwsClients.region(settings).id(),
                settings.optional("AWS_ENDPOINT_URL_S3").map(URI::create).orElse(null), AwsClients.credentials(settings),
                http, clock);
    }

    @Override
    public UploadForm form(String key, long maxBytes, String redirectUrl, Instant expiresAt) {
        AwsCredentials identity = credentials.resolveCredentials();
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", STORED_CONTENT_TYPE);
        fields.put("success_action_redirect", redirectUrl);
        fields.put("x-amz-algorithm", PostPolicySignature.ALGORITHM);
        fields.put("x-amz-credential", PostPolicySignature.credential(identity.accessKeyId(), day, region));
        fields.put("x-amz-date", AMZ_DATE.format(now));
        if (identity instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
        }
        List<Object> conditions = new ArrayList<>();
        conditions.add(Map.of("bucket", bucket));
        fields.forEach((name, value) -> conditions.add(Map.of(name, value)));
        conditions.add(List.of("content-length-range", 1, maxBytes));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("expiration", EXPIRATION.format(expiresAt));
        policy.put("conditions", conditions);
        String encoded = PostPolicySignature.encode(Json.write(policy));
        fields.put("policy", encoded);
        fields.put("x-amz-signature", PostPolicySignature.sign(encoded, identity.secretAccessKey(), day, region));
        return new UploadForm(endpointOverride == null ? "https://" + bucket + ".s3." + region + ".amazonaws.com/"
                : endpointOverride.toString().replaceAll("/+$", "") + "/" + bucket, fields);
    }

    @Override
    public Optional<UploadedFile> read(String key, int maxBytes) {
        SdkHttpRequest request = object(SdkHttpMethod.GET, key).putHeader("Range", "bytes=0-" + (maxBytes - 1)).build();
        return send("GetObject", request, response -> {
            int status = response.httpResponse().statusCode();
            if (status == 404 || status == 403) {
                if (status == 403) {
                    // Without s3:ListBucket, S3 answers a missing key with 403: expired or already used.
                    LOG.warn("logo_upload_refused_by_s3", Map.of("status", status));
                }
                return Optional.empty();
            }
            if (status == 416) {
                return Optional.of(new UploadedFile(new byte[0], 0)); // an empty object has no byte 0
            }
            if (status != 200 && status != 206) {
                throw new RetryableFailure("S3 GetObject answered " + status, null);
            }
            byte[] head = body(response, maxBytes);
            long size = status == 200
                    ? response.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong)
                            .orElse((long) head.length)
                    : total(response).orElse((long) head.length);
            return Optional.of(new UploadedFile(head, size));
        });
    }

    @Override
    public void delete(String key) {
        send("DeleteObject", object(SdkHttpMethod.DELETE, key).build(), response -> {
            int status = response.httpResponse().statusCode();
            if (status != 204 && status != 200 && status != 404) {
                throw new RetryableFailure("S3 DeleteObject answered " + status, null);
            }
            return null;
        });
    }

    private SdkHttpRequest.Builder object(SdkHttpMethod method, String key) {
        URI uri = URI.create(endpointOverride == null
                ? "https://" + bucket + ".s3." + region + ".amazonaws.com/" + key
                : endpointOverride.toString().replaceAll("/+$", "") + "/" + bucket + "/" + key);
        return SdkHttpRequest.builder().method(method).uri(uri);
    }

    private <T> T send(String operation, SdkHttpRequest request, ResponseReader<T> reader) {
        SdkHttpRequest signed = signer.sign(sign -> sign.identity(credentials.resolveCredentials()).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)).request();
        ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(signed).build());
        HttpExecuteResponse response;
        try {
            response = call.call();
        } catch (IOException e) {
            throw new RetryableFailure("S3 " + operation + " could not be reached", e);
        }
        try {
            return reader.read(response);
        } finally {
            response.responseBody().ifPresent(body -> {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the answer was read; a failed close leaves nothing half-done
                }
            });
        }
    }

    private static byte[] body(HttpExecuteResponse response, int maxBytes) {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readNBytes(maxBytes);
        } catch (IOException e) {
            throw new RetryableFailure("S3 GetObject's body broke off", e);
        }
    }

    private static Optional<Long> total(HttpExecuteResponse response) {
        return response.httpResponse().firstMatchingHeader("Content-Range").map(CONTENT_RANGE_TOTAL::matcher)
                .filter(Matcher::matches).map(matcher -> Long.parseLong(matcher.group(1)));
    }

    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(HttpExecuteResponse response);
    }
}
