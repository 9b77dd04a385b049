package com.circoflows.api.keys;

import com.circoflows.domain.merchant.ApiKeyFormat;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.domain.time.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the key API shows a key: what identifies it and when it was used, never its secret or hash. */
final class ApiKeyViews {
    private ApiKeyViews() {
    }

    static Map<String, Object> listing(StoredApiKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key_id", ApiKeyFormat.publicId(key.keyId()));
        view.put("prefix", key.displayPrefix());
        view.put("name", key.name());
        view.put("mode", key.mode().wireName());
        view.put("status", key.status().wireName());
        view.put("created_at", time(key.createdAt()));
        view.put("last_used_at", time(key.lastUsedAt()));
        view.put("revoked_at", time(key.revokedAt()));
        return view;
    }

    private static String time(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
