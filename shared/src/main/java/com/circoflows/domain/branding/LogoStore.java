package com.circoflows.domain.branding;

import java.util.Optional;

/** Where merchants' checked logos are kept, each under its merchant and its content-derived id. */
public interface LogoStore {
    /** For functions that never show or change a logo. */
    LogoStore NONE = new LogoStore() {
        @Override
        public void put(String merchantId, LogoImage image) {
            throw new UnsupportedOperationException("this function keeps no logos");
        }

        @Override
        public Optional<LogoImage> find(String merchantId, String logoId) {
            return Optional.empty();
        }

        @Override
        public void delete(String merchantId, String logoId) {
            // nothing is kept, so nothing is left behind
        }
    };

    /** Stores the image; storing the same image again changes nothing. */
    void put(String merchantId, LogoImage image);

    /** The merchant's logo with that id, or empty (another merchant's id included). */
    Optional<LogoImage> find(String merchantId, String logoId);

    void delete(String merchantId, String logoId);
}
