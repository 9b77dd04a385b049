package com.circoflows.domain.branding;

import java.util.Optional;

/** Where each merchant's branding is kept. */
public interface BrandingRepository {
    /** The merchant's saved branding, or empty when it never saved any (or no such merchant exists). */
    Optional<StoredBranding> find(String merchantId);

    /**
     * Stores the branding as version {@code expectedVersion + 1}, only if the stored version is still
     * {@code expectedVersion} (0: never saved) and the merchant exists.
     */
    SaveResult save(String merchantId, Branding branding, long expectedVersion);

    enum SaveResult {
        SAVED,
        /** Someone else saved since {@code expectedVersion} was read. */
        VERSION_CHANGED,
        NO_SUCH_MERCHANT
    }
}
