package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StackKindTest {

    @Test
    void withoutTheSwitchTheStackIsTheEmbeddedOne() {
        assertEquals(StackKind.EMBEDDED, StackKind.parse(null));
        assertEquals(StackKind.EMBEDDED, StackKind.parse(""));
        assertEquals(StackKind.EMBEDDED, StackKind.parse("  "));
    }

    @Test
    void eachKindIsChosenByItsPropertyValueInAnyCase() {
        assertEquals(StackKind.LOCALSTACK, StackKind.parse("localstack"));
        assertEquals(StackKind.LOCALSTACK, StackKind.parse(" LocalStack "));
        assertEquals(StackKind.EMBEDDED, StackKind.parse("embedded"));
    }

    @Test
    void anUnknownValueFailsNamingTheAcceptedOnesInsteadOfFallingBackToEmbedded() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> StackKind.parse("docker"));
        assertTrue(failure.getMessage().contains("circoflows.stack=docker"), failure.getMessage());
        assertTrue(failure.getMessage().contains("embedded, localstack"), failure.getMessage());
    }

    @Test
    void theSwitchIsTheSystemPropertyMavensProfileSets() {
        assertEquals("circoflows.stack", StackKind.PROPERTY);
    }
}
