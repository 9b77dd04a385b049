package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalStacksTest {

    @Test
    void theDefaultBuildSelectsTheEmbeddedStack() {
        // Surefire runs this module's unit tests without -Plocalstack in the default build; with the
        // profile the property is set and the selection follows it.
        assertEquals(StackKind.selected(), LocalStacks.kind());
    }

    @Test
    void eachInMemoryStackOnTheSharedContainerGetsAStackNameOfItsOwn() {
        LocalStackOptions inMemory = LocalStackOptions.defaults();
        assertEquals("circoflows-local-1", LocalStacks.attachedStackName(inMemory, 1));
        assertEquals("circoflows-local-2", LocalStacks.attachedStackName(inMemory, 2));
    }

    @Test
    void aStackWithADataDirectoryFindsItsTablesAgainUnderTheSameName() {
        LocalStackOptions first = LocalStackOptions.defaults().withDataDir(Path.of("target/data-a"));
        LocalStackOptions restarted = LocalStackOptions.defaults().withDataDir(Path.of("target/./data-a"));
        LocalStackOptions other = LocalStackOptions.defaults().withDataDir(Path.of("target/data-b"));

        assertEquals(LocalStacks.attachedStackName(first, 1), LocalStacks.attachedStackName(restarted, 7));
        assertNotEquals(LocalStacks.attachedStackName(first, 1), LocalStacks.attachedStackName(other, 1));
        assertTrue(LocalStacks.attachedStackName(first, 1).matches("circoflows-local-d[0-9a-f]{10}"),
                LocalStacks.attachedStackName(first, 1));
    }

    @Test
    void attachedQueueNamesStayWithinSqsLimitOfEightyCharacters() {
        String longest = LocalStacks.attachedStackName(LocalStackOptions.defaults(), Integer.MAX_VALUE)
                + "-webhooks-dlq";
        assertTrue(longest.length() <= 80, longest);
    }

    @Test
    void theSwitchWithoutTheProfilesContainerModuleFailsSayingHowToRunIt() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> LocalStacks.containerEndpoint("com.circoflows.nowhere.NoContainer",
                        getClass().getClassLoader()));
        assertTrue(failure.getMessage().contains("-Plocalstack"), failure.getMessage());
    }

    @Test
    void theContainersEndpointIsWhatItsClassAnswers() {
        assertEquals(FakeContainer.ENDPOINT,
                LocalStacks.containerEndpoint(FakeContainer.class.getName(), getClass().getClassLoader()));
    }

    @Test
    void whatTheContainerThrowsReachesTheCallerUnwrappedSoJUnitCanReportASkip() {
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> LocalStacks.containerEndpoint(NoDocker.class.getName(), getClass().getClassLoader()));
        assertSame(NoDocker.REASON, thrown);
    }

    public static final class FakeContainer {
        static final URI ENDPOINT = URI.create("http://127.0.0.1:4566");

        public static URI endpoint() {
            return ENDPOINT;
        }
    }

    public static final class NoDocker {
        static final RuntimeException REASON = new RuntimeException("Docker is not available");

        public static URI endpoint() {
            throw REASON;
        }
    }
}
