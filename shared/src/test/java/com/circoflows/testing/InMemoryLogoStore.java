package com.circoflows.testing;

import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.branding.LogoStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logos by merchant and id, counting the reads that reach it (a cache's test). */
public final class InMemoryLogoStore implements LogoStore {
    private final Map<String, LogoImage> images = new ConcurrentHashMap<>();
    private int reads;

    @Override
    public void put(String merchantId, LogoImage image) {
        images.put(merchantId + "/" + image.reference().id(), image);
    }

    @Override
    public synchronized Optional<LogoImage> find(String merchantId, String logoId) {
        reads++;
        return Optional.ofNullable(images.get(merchantId + "/" + logoId));
    }

    @Override
    public void delete(String merchantId, String logoId) {
        images.remove(merchantId + "/" + logoId);
    }

    public synchronized int reads() {
        return reads;
    }

    public int size() {
        return images.size();
    }
}
