package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.ManualNanoClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedKeyCacheTest {
    private static final AuthenticatedKey KEY = new AuthenticatedKey("LookupLookup0001", "mch_1", Mode.TEST);
    private final ManualNanoClock nanos = new ManualNanoClock();
    private final VerifiedKeyCache cache = new VerifiedKeyCache(Duration.ofSeconds(60), nanos);

    @Test
    void rememberedKeyIsFoundWithTheSameSecret() {
        cache.remember("LookupLookup0001", "secret-1", KEY);

        assertEquals(Optional.of(KEY), cache.lookup("LookupLookup0001", "secret-1"));
    }

    @Test
    void anotherSecretForTheSameLookupIdIsNotFound() {
        cache.remember("LookupLookup0001", "secret-1", KEY);

        assertTrue(cache.lookup("LookupLookup0001", "secret-2").isEmpty());
    }

    @Test
    void unknownLookupIdIsNotFound() {
        assertTrue(cache.lookup("LookupLookup0002", "secret-1").isEmpty());
    }

    @Test
    void entryLastsExactlyItsTtl() {
        cache.remember("LookupLookup0001", "secret-1", KEY);

        nanos.advance(Duration.ofSeconds(60));
        assertEquals(Optional.of(KEY), cache.lookup("LookupLookup0001", "secret-1"), "still valid at the TTL");

        nanos.advance(Duration.ofNanos(1));
        assertTrue(cache.lookup("LookupLookup0001", "secret-1").isEmpty(), "expired just after the TTL");
    }

    @Test
    void forgottenEntryIsNotFound() {
        cache.remember("LookupLookup0001", "secret-1", KEY);

        cache.forget("LookupLookup0001");

        assertTrue(cache.lookup("LookupLookup0001", "secret-1").isEmpty());
    }

    @Test
    void defaultTtlIsOneMinute() {
        assertEquals(Duration.ofSeconds(60), VerifiedKeyCache.DEFAULT_TTL);
    }
}
