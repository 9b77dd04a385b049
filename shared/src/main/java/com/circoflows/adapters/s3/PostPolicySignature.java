package com.circoflows.adapters.s3;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature Version 4 for a browser's form post to S3: the string to sign is the policy document in
 * base64, signed with the day's key for the region's s3 scope (AWS's "Authenticating Requests:
 * Browser-Based Uploads Using POST"). The SDK signs requests, not POST policies, hence this.
 */
final class PostPolicySignature {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private PostPolicySignature() {
    }

    /** The policy document as the form carries it, and so as it is signed. */
    static String encode(String policyJson) {
        return Base64.getEncoder().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex HMAC-SHA256 of the base64 policy under the signing key of {@code day}, region and s3. */
    static String sign(String base64Policy, String secretAccessKey, LocalDate day, String region) {
        return HexFormat.of().formatHex(hmac(signingKey(secretAccessKey, day, region, "s3"),
                base64Policy.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code <access key id>/<yyyymmdd>/<region>/s3/aws4_request}: the x-amz-credential field. */
    static String credential(String accessKeyId, LocalDate day, String region) {
        return accessKeyId + "/" + DAY.format(day) + "/" + region + "/s3/aws4_request";
    }

    static byte[] signingKey(String secretAccessKey, LocalDate day, String region, String service) {
        byte[] dateKey = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8),
                DAY.format(day).getBytes(StandardCharsets.UTF_8));
        byte[] regionKey = hmac(dateKey, region.getBytes(StandardCharsets.UTF_8));
        byte[] serviceKey = hmac(regionKey, service.getBytes(StandardCharsets.UTF_8));
        return hmac(serviceKey, "aws4_request".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
