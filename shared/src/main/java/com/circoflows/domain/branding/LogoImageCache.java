package com.circoflows.domain.branding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logos a customer-page container has shown, kept in memory: a logo's id is the hash of its bytes,
 * so a cached image is never stale, and a busy merchant's pages read its logo once per container rather
 * than on every page (the item is up to 100 KB). The least recently shown go first; a logo not found
 * is not remembered, so one uploaded a moment later is found.
 */
public final class LogoImageCache implements LogoStore {
    private final LogoStore store;
    private final Map<String, LogoImage> recent;

    /** @param capacity how many logos to keep; at 100 KB each, 32 take at most 3.2 MB */
    public LogoImageCache(LogoStore store, int capacity) {
        this.store = store;
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LogoImage> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Optional<LogoImage> find(String merchantId, String logoId) {
        String key = merchantId + "/" + logoId;
        synchronized (recent) {
            LogoImage known = recent.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<LogoImage> found = store.find(merchantId, logoId);
        found.ifPresent(image -> {
            synchronized (recent) {
                recent.put(key, image);
            }
        });
        return found;
    }

    @Override
    public void put(String merchantId, LogoImage image) {
        store.put(merchantId, image);
    }

    @Override
    public void delete(String merchantId, String logoId) {
        synchronized (recent) {
            recent.remove(merchantId + "/" + logoId);
        }
        store.delete(merchantId, logoId);
    }
}
