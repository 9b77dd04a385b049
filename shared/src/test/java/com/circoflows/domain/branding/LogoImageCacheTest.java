package com.circoflows.domain.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.InMemoryLogoStore;
import org.junit.jupiter.api.Test;

class LogoImageCacheTest {
    private static final LogoReference LOGO = new LogoReference("a".repeat(64), ImageFormat.PNG, 96, 32);

    @Test
    void aShownLogoIsReadFromTheStoreOncePerContainer() {
        InMemoryLogoStore store = new InMemoryLogoStore();
        store.put("mch_A", new LogoImage(LOGO, new byte[] {1, 2, 3}));
        LogoImageCache cache = new LogoImageCache(store, 4);

        for (int i = 0; i < 5; i++) {
            assertTrue(cache.find("mch_A", LOGO.id()).isPresent());
        }

        assertEquals(1, store.reads());
    }

    @Test
    void aLogoNotFoundIsAskedForAgainAndAnotherMerchantNeverGetsItFromTheCache() {
        InMemoryLogoStore store = new InMemoryLogoStore();
        LogoImageCache cache = new LogoImageCache(store, 4);

        assertTrue(cache.find("mch_A", LOGO.id()).isEmpty());
        store.put("mch_A", new LogoImage(LOGO, new byte[] {1}));
        assertTrue(cache.find("mch_A", LOGO.id()).isPresent(), "uploaded a moment later: found");
        assertTrue(cache.find("mch_B", LOGO.id()).isEmpty(), "the cache is keyed by merchant too");
    }
}
