package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the commands answer before they call the API: help, usage errors, a missing or live key, the log file. */
class DeveloperCliTest {
    /** Nothing listens there: a command that tried the API would fail differently from what these expect. */
    private static final Map<String, String> TEST_KEY = Map.of("CIRCOFLOWS_API_KEY", "cf_test_abc",
            "CIRCOFLOWS_BASE_URL", "http://127.0.0.1:9");

    @TempDir
    Path dataDir;

    private static int run(CapturedTerminal terminal, String... args) {
        return DeveloperCli.withAllCommands().run(List.of(args), terminal.terminal());
    }

    @Test
    void helpListsEveryCommand() {
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(Map.of());

        assertEquals(0, run(terminal, "--help"));
        for (String command : List.of("listen", "trigger", "events", "logs")) {
            assertTrue(terminal.out().contains("  " + command + " "), terminal.out());
        }
    }

    @Test
    void withoutAnApiKeyEachApiCommandSaysWhatToSetAndExits2() {
        for (List<String> command : List.of(List.of("listen", "--forward-to", "http://localhost:8080/webhooks"),
                List.of("trigger", "payment.succeeded"), List.of("events", "list"), List.of("events", "resend", "evt_x"))) {
            CapturedTerminal terminal = CapturedTerminal.withEnvironment(Map.of("CIRCOFLOWS_API_KEY", " "));

            assertEquals(2, run(terminal, command.toArray(String[]::new)), command.toString());
            assertTrue(terminal.err().contains("CIRCOFLOWS_API_KEY is not set"), terminal.err());
        }
    }

    @Test
    void triggerHelpListsEveryEventTypeTheApiSends() {
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(Map.of());

        assertEquals(0, run(terminal, "trigger", "--help"));
        for (String type : EventTypes.ALL) {
            assertTrue(terminal.out().contains("  " + type + " "), type + " in\n" + terminal.out());
        }
    }

    @Test
    void triggeringAnEventTheApiDoesNotSendIsAUsageErrorListingThoseItDoes() {
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(TEST_KEY);

        assertEquals(2, run(terminal, "trigger", "payment.captured"));
        assertTrue(terminal.err().contains("cannot trigger payment.captured; the events are payment.succeeded,"),
                terminal.err());
    }

    @Test
    void triggerRefusesALiveKeyBeforeMakingAnything() {
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(Map.of("CIRCOFLOWS_API_KEY", "cf_live_abc",
                "CIRCOFLOWS_BASE_URL", "http://127.0.0.1:9"));

        assertEquals(1, run(terminal, "trigger", "payment.succeeded"));
        assertTrue(terminal.err().contains("is a live key"), terminal.err());
        assertEquals("", terminal.out());
    }

    @Test
    void listenNeedsAForwardUrl() {
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(TEST_KEY);

        assertEquals(2, run(terminal, "listen"));
        assertTrue(terminal.err().contains("--forward-to is required"), terminal.err());
        assertEquals(2, run(terminal, "listen", "--forward-to", "localhost:8080"));
    }

    @Test
    void listenRefusesAnEventFilterMatchingNothing() {
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(TEST_KEY);

        assertEquals(2, run(terminal, "listen", "--forward-to", "http://localhost:8080/", "--events", "charge.*"));
        assertTrue(terminal.err().contains("--events charge.* matches no event type"), terminal.err());
    }

    @Test
    void logsShowsTheDataFoldersFunctionLogOneReadableLineEach() throws IOException {
        Path file = Files.createDirectories(dataDir.resolve("logs")).resolve("functions.jsonl");
        Files.writeString(file, "{\"time\":\"2026-03-01T12:34:56.789Z\",\"level\":\"INFO\",\"event\":\"request\","
                + "\"function_name\":\"HealthFunction\",\"status\":200}\n"
                + "{\"time\":\"2026-03-01T12:34:57Z\",\"level\":\"WARN\",\"event\":\"slow\",\"function_name\":\"OtherFunction\"}\n");
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(Map.of());

        assertEquals(0, run(terminal, "logs", "--data-dir", dataDir.toString(), "--function", "Health"));

        List<String> lines = terminal.out().lines().toList();
        assertEquals(1, lines.size(), terminal.out());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.789  HealthFunction +INFO   request  status=200"), lines.get(0));
    }

    @Test
    void logsColoursOnlyWhenAskedOrOnATerminal() throws IOException {
        Path file = Files.createDirectories(dataDir.resolve("logs")).resolve("functions.jsonl");
        Files.writeString(file, "{\"time\":\"2026-03-01T12:34:57Z\",\"level\":\"ERROR\",\"event\":\"boom\","
                + "\"function_name\":\"HealthFunction\"}\n");
        CapturedTerminal plain = CapturedTerminal.withEnvironment(Map.of());
        CapturedTerminal forced = CapturedTerminal.withEnvironment(Map.of());
        CapturedTerminal colourTerminal = new CapturedTerminal(Map.of(), true);
        CapturedTerminal declined = new CapturedTerminal(Map.of(), true);

        run(plain, "logs", "--data-dir", dataDir.toString());
        run(forced, "logs", "--data-dir", dataDir.toString(), "--color");
        run(colourTerminal, "logs", "--data-dir", dataDir.toString());
        run(declined, "logs", "--data-dir", dataDir.toString(), "--no-color");

        assertTrue(!plain.out().contains("\u001b[") && !declined.out().contains("\u001b["));
        assertTrue(forced.out().contains("\u001b[31mERROR") && colourTerminal.out().contains("\u001b[31mERROR"));
    }

    @Test
    void logsWithoutALogFileSaysWhereItLookedAndExits1() {
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(Map.of());

        assertEquals(1, run(terminal, "logs", "--data-dir", dataDir.toString()));
        assertTrue(terminal.err().contains("no function logs at " + dataDir.resolve("logs/functions.jsonl")),
                terminal.err());
    }
}
