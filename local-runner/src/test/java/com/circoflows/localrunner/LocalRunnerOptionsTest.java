package com.circoflows.localrunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunnerOptionsTest {

    @Test
    void withoutHostTheRunnerListensOnLoopbackOnly() {
        assertEquals("127.0.0.1", LocalRunnerOptions.fromEnvironment(Map.of()).host());
        assertEquals("127.0.0.1", LocalRunnerOptions.fromEnvironment(Map.of("HOST", " ")).host());
        assertEquals("127.0.0.1", LocalRunnerOptions.forTests().host());
    }

    @Test
    void hostChoosesAnotherAddress() {
        assertEquals("0.0.0.0", LocalRunnerOptions.fromEnvironment(Map.of("HOST", "0.0.0.0")).host());
        assertEquals("::1", LocalRunnerOptions.forTests().withHost("::1").host());
    }

    @Test
    void theFrontIsBoundToTheChosenAddress() {
        Http11Server loopback = HttpFront.bind(LocalRunnerOptions.LOOPBACK, 0);
        Http11Server everywhere = HttpFront.bind("0.0.0.0", 0);
        try {
            assertTrue(loopback.address().getAddress().isLoopbackAddress(), loopback.address().toString());
            assertTrue(everywhere.address().getAddress().isAnyLocalAddress(), everywhere.address().toString());
        } finally {
            loopback.close();
            everywhere.close();
        }
    }
}
