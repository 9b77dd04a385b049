package com.circoflows.testing;

import com.circoflows.domain.branding.upload.LogoUploads;
import com.circoflows.domain.branding.upload.UploadForm;
import com.circoflows.domain.branding.upload.UploadedFile;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An upload bucket in memory: a test "uploads" with {@link #land}. */
public final class InMemoryLogoUploads implements LogoUploads {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public UploadForm form(String key, long maxBytes, String redirectUrl, Instant expiresAt) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("success_action_redirect", redirectUrl);
        return new UploadForm("https://uploads.example/", fields);
    }

    @Override
    public Optional<UploadedFile> read(String key, int maxBytes) {
        byte[] object = objects.get(key);
        return object == null ? Optional.empty()
                : Optional.of(new UploadedFile(Arrays.copyOf(object, Math.min(maxBytes, object.length)), object.length));
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    public void land(String key, byte[] bytes) {
        objects.put(key, bytes);
    }

    public boolean holds(String key) {
        return objects.containsKey(key);
    }
}
