package com.circoflows.testing;

import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingRepository;
import com.circoflows.domain.branding.StoredBranding;
import com.circoflows.domain.merchant.MerchantRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Branding by merchant, with the Dynamo adapter's versioned writes. */
public final class InMemoryBrandingRepository implements BrandingRepository {
    private final Map<String, StoredBranding> stored = new HashMap<>();
    private final MerchantRepository merchants;
    /** Runs just before each save: a test's other editor. */
    private Runnable beforeSave = () -> { };

    public InMemoryBrandingRepository(MerchantRepository merchants) {
        this.merchants = merchants;
    }

    public void beforeEachSave(Runnable action) {
        this.beforeSave = action;
    }

    @Override
    public synchronized Optional<StoredBranding> find(String merchantId) {
        return Optional.ofNullable(stored.get(merchantId));
    }

    @Override
    public SaveResult save(String merchantId, Branding branding, long expectedVersion) {
        Runnable action = beforeSave;
        beforeSave = () -> { };
        action.run();
        synchronized (this) {
            if (merchants.find(merchantId).isEmpty()) {
                return SaveResult.NO_SUCH_MERCHANT;
            }
            long current = stored.containsKey(merchantId) ? stored.get(merchantId).version() : 0;
            if (current != expectedVersion) {
                return SaveResult.VERSION_CHANGED;
            }
            stored.put(merchantId, new StoredBranding(branding, expectedVersion + 1));
            return SaveResult.SAVED;
        }
    }
}
