package com.circoflows.domain.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayTransactionIdsTest {

    @Test
    void idsAreGwFollowedByTwentyFourBase62Characters() {
        GatewayTransactionIds ids = new GatewayTransactionIds();
        for (int i = 0; i < 1_000; i++) {
            String id = ids.next();
            assertTrue(id.matches("gw_[0-9A-Za-z]{24}"), id);
        }
    }

    @Test
    void idsDoNotRepeat() {
        GatewayTransactionIds ids = new GatewayTransactionIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }

    @Test
    void everyBase62CharacterCanAppear() {
        GatewayTransactionIds ids = new GatewayTransactionIds(new Random(42));
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.next().substring(3).chars().forEach(c -> seen.add((char) c));
        }
        assertEquals(62, seen.size());
    }
}
