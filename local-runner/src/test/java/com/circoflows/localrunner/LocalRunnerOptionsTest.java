package com.circoflows.localrunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
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
        HttpServer loopback = HttpFront.bind(LocalRunnerOptions.LOOPBACK, 0);
        HttpServer everywhere = HttpFront.bind("0.0.0.0", 0);
        try {
            assertTrue(loopback.getAddress().getAddress().isLoopbackAddress(), loopback.getAddress().toString());
            assertTrue(everywhere.getAddress().getAddress().isAnyLocalAddress(), everywhere.getAddress().toString());
        } finally {
            loopback.stop(0);
            everywhere.stop(0);
        }
    }
}
