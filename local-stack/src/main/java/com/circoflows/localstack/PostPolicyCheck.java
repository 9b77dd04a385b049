package com.circoflows.localstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What S3 checks of a browser's form post (SigV4 POST policy), as far as the stand-in's users need:
 * the signature over the base64 policy with the credential's secret, the policy's expiration, each
 * condition (exact, starts-with, content-length-range, the bucket), and that every field the form sent is
 * named by a condition (except the signature, the file, the policy and x-ignore-* fields). Field names
 * compare without regard to case, as S3's do.
 */
final class PostPolicyCheck {
    /** S3's answer to a refused post. */
    record Refusal(int status, String code, String message) {
    }

    private static final Set<String> UNCONDITIONED = Set.of("x-amz-signature", "file", "policy");

    private PostPolicyCheck() {
    }

    /** Null when the post is as its policy allows; else S3's refusal. */
    static Refusal check(String bucket, MultipartForm form, Map<String, String> secretsByAccessKeyId, Instant now) {
        Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.putAll(form.fields());
        if (form.file() == null) {
            return new Refusal(400, "InvalidArgument", "POST requires exactly one file upload per request.");
        }
        String policy = fields.get("policy");
        String signature = fields.get("x-amz-signature");
        String credential = fields.get("x-amz-credential");
        if (policy == null || signature == null || credential == null || fields.get("key") == null) {
            return new Refusal(400, "InvalidArgument", "Bucket POST must contain key, policy, x-amz-credential and "
                    + "x-amz-signature fields.");
        }
        if (!"AWS4-HMAC-SHA256".equals(fields.get("x-amz-algorithm"))) {
            return new Refusal(400, "InvalidArgument", "Only AWS4-HMAC-SHA256 is supported.");
        }
        String[] scope = credential.split("/");
        String secret = scope.length == 5 ? secretsByAccessKeyId.get(scope[0]) : null;
        if (secret == null || !"s3".equals(scope[3]) || !"aws4_request".equals(scope[4])) {
            return new Refusal(403, "InvalidAccessKeyId", "The access key ID you provided does not exist in our records.");
        }
        if (!signature.equals(sign(policy, secret, scope[1], scope[2]))) {
            return new Refusal(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided.");
        }
        Map<?, ?> document = decode(policy);
        if (document == null || !(document.get("conditions") instanceof List<?> conditions)) {
            return new Refusal(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.");
        }
        try {
            if (!Instant.parse(String.valueOf(document.get("expiration"))).isAfter(now)) {
                return new Refusal(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
            }
        } catch (DateTimeParseException malformed) {
            return new Refusal(400, "InvalidPolicyDocument", "Invalid Policy: Invalid 'expiration' value.");
        }
        Set<String> covered = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object condition : conditions) {
            String failure = apply(condition, bucket, fields, form.file().length, covered);
            if (failure != null) {
                return failure.startsWith("Entity")
                        ? new Refusal(400, failure, failure.equals("EntityTooLarge")
                                ? "Your proposed upload exceeds the maximum allowed size"
                                : "Your proposed upload is smaller than the minimum allowed size")
                        : new Refusal(403, "AccessDenied", "Invalid according to Policy: " + failure);
            }
        }
        for (String name : fields.keySet()) {
            if (!UNCONDITIONED.contains(name.toLowerCase(Locale.ROOT))
                    && !name.toLowerCase(Locale.ROOT).startsWith("x-ignore-") && !covered.contains(name)) {
                return new Refusal(403, "AccessDenied", "Invalid according to Policy: Extra input fields: " + name);
            }
        }
        return null;
    }

    /** Null when the condition holds; else why not ("Entity..." for the size range). */
    private static String apply(Object condition, String bucket, Map<String, String> fields, long size,
            Set<String> covered) {
        if (condition instanceof Map<?, ?> exact && exact.size() == 1) {
            Map.Entry<?, ?> entry = exact.entrySet().iterator().next();
            return equal(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()), bucket, fields, covered);
        }
        if (condition instanceof List<?> list && list.size() == 3) {
            String operator = String.valueOf(list.get(0)).toLowerCase(Locale.ROOT);
            if (operator.equals("content-length-range")) {
                long min = Long.parseLong(String.valueOf(list.get(1)));
                long max = Long.parseLong(String.valueOf(list.get(2)));
                return size > max ? "EntityTooLarge" : size < min ? "EntityTooSmall" : null;
            }
            String name = String.valueOf(list.get(1));
            if (!name.startsWith("$")) {
                return "Invalid condition: " + list;
            }
            String value = String.valueOf(list.get(2));
            if (operator.equals("eq")) {
                return equal(name.substring(1), value, bucket, fields, covered);
            }
            if (operator.equals("starts-with")) {
                covered.add(name.substring(1));
                String given = fields.get(name.substring(1));
                return given != null && given.startsWith(value) ? null
                        : "Policy Condition failed: [\"starts-with\", \"" + name + "\", \"" + value + "\"]";
            }
        }
        return "Invalid condition: " + condition;
    }

    private static String equal(String name, String value, String bucket, Map<String, String> fields,
            Set<String> covered) {
        if (name.equalsIgnoreCase("bucket")) {
            return bucket.equals(value) ? null : "Policy Condition failed: [\"eq\", \"$bucket\", \"" + value + "\"]";
        }
        covered.add(name);
        return value.equals(fields.get(name)) ? null
                : "Policy Condition failed: [\"eq\", \"$" + name + "\", \"" + value + "\"]";
    }

    /** JSON is YAML, and the template reader already brings a YAML parser. */
    private static Map<?, ?> decode(String base64Policy) {
        try {
            String json = new String(Base64.getDecoder().decode(base64Policy), StandardCharsets.UTF_8);
            return new Yaml(new LoaderOptions()).load(json) instanceof Map<?, ?> map ? map : null;
        } catch (IllegalArgumentException | YAMLException malformed) {
            return null;
        }
    }

    /** SigV4 for a POST policy: HMAC-SHA256 of the base64 policy with the day's key for the region's s3. */
    static String sign(String base64Policy, String secret, String day, String region) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, base64Policy));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
