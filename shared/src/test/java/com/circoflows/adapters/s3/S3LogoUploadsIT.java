package com.circoflows.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.domain.branding.upload.UploadForm;
import com.circoflows.domain.branding.upload.UploadedFile;
import com.circoflows.testing.TestImages;
import com.circoflows.testsupport.FormUpload;
import com.circoflows.localstack.LocalS3;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The S3 adapter against the local stack's S3 stand-in: a browser's form post, the read back, the delete. */
class S3LogoUploadsIT {
    private static final String BUCKET = LocalS3.bucketName("LogoUploadBucket");
    private static final LocalS3 S3 = LocalS3.start(null, List.of(BUCKET));
    private static final String BACK = "http://localhost:3000/dashboard/settings/branding/logo";

    private final S3LogoUploads uploads = new S3LogoUploads(BUCKET, "us-east-1", S3.endpoint(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY_ID, LocalS3.SECRET_ACCESS_KEY)),
            AwsClients.httpClient(), Clock.systemUTC());

    @AfterAll
    static void stop() {
        S3.close();
    }

    private static HttpResponse<String> post(UploadForm form, byte[] file) {
        return FormUpload.post(form.action(), form.fields(), UploadForm.FILE_FIELD, "logo.png", "image/png", file);
    }

    @Test
    void aFilePostedWithTheSignedFormIsStoredReadBackInPartAndDeleted() {
        String key = "uploads/mch_A/" + "k".repeat(24);
        byte[] png = TestImages.png(96, 32);
        UploadForm form = uploads.form(key, 10_000, BACK, Instant.now().plusSeconds(600));

        HttpResponse<String> posted = post(form, png);

        assertEquals(303, posted.statusCode(), posted.body());
        String location = posted.headers().firstValue("location").orElseThrow();
        assertTrue(location.startsWith(BACK + "?bucket=" + BUCKET + "&key=uploads%2Fmch_A%2F"), location);
        UploadedFile whole = uploads.read(key, 100_000).orElseThrow();
        assertArrayEquals(png, whole.head());
        assertEquals(png.length, whole.size());
        UploadedFile head = uploads.read(key, 10).orElseThrow();
        assertEquals(10, head.head().length);
        assertEquals(png.length, head.size(), "the whole size, from the ranged answer");

        uploads.delete(key);

        assertEquals(Optional.empty(), uploads.read(key, 10));
        uploads.delete(key); // deleting what is gone is no error
    }

    @Test
    void aFileLargerThanThePolicyAllowsIsRefusedByTheStorageItself() {
        String key = "uploads/mch_A/" + "l".repeat(24);
        HttpResponse<String> posted = post(uploads.form(key, 100, BACK, Instant.now().plusSeconds(600)),
                TestImages.png(96, 32));

        assertEquals(400, posted.statusCode());
        assertTrue(posted.body().contains("EntityTooLarge"), posted.body());
        assertEquals(Optional.empty(), uploads.read(key, 10));
    }

    @Test
    void anExpiredFormAndATamperedKeyAreRefused() {
        String key = "uploads/mch_A/" + "m".repeat(24);
        HttpResponse<String> expired = post(uploads.form(key, 10_000, BACK, Instant.now().minusSeconds(1)),
                TestImages.png(20, 20));
        assertEquals(403, expired.statusCode());
        assertTrue(expired.body().contains("Policy expired"), expired.body());

        UploadForm form = uploads.form(key, 10_000, BACK, Instant.now().plusSeconds(600));
        Map<String, String> tampered = new LinkedHashMap<>(form.fields());
        tampered.put("key", "uploads/mch_B/" + "m".repeat(24));
        HttpResponse<String> elsewhere = FormUpload.post(form.action(), tampered, UploadForm.FILE_FIELD, "logo.png",
                "image/png", TestImages.png(20, 20));
        assertEquals(403, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("Policy Condition failed"), elsewhere.body());

        Map<String, String> forged = new LinkedHashMap<>(form.fields());
        forged.put("x-amz-signature", "0".repeat(64));
        assertEquals(403, FormUpload.post(form.action(), forged, UploadForm.FILE_FIELD, "logo.png", "image/png",
                TestImages.png(20, 20)).statusCode());
        assertEquals(Optional.empty(), uploads.read("uploads/mch_B/" + "m".repeat(24), 10));
    }
}
