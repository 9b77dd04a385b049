package com.circoflows.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdminCommandTest {
    @Test
    void localTargetDefaultsToTheRunnersDynamoDbPort() {
        AdminCommand command = AdminCommand.parse(new String[] {"create-merchant", "--name", "Acme", "--local"});
        AdminCommand.LocalTarget target = assertInstanceOf(AdminCommand.LocalTarget.class, command.target());
        assertEquals("http://127.0.0.1:8000", target.endpoint());
        assertEquals("circoflows-local", target.stackName());
        assertEquals("test", command.mode());
    }

    @Test
    void stackTargetTakesNameAndRegion() {
        AdminCommand command = AdminCommand.parse(new String[] {"create-merchant", "--name", "Acme",
                "--stack-name", "circoflows-prod", "--region", "eu-west-1"});
        assertEquals(new AdminCommand.AwsTarget("circoflows-prod", "eu-west-1"), command.target());
    }

    @Test
    void missingNameOrTargetOrBadModeIsAUsageError() {
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(new String[] {"create-merchant", "--local"}));
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(new String[] {"create-merchant", "--name", "A"}));
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(
                new String[] {"create-merchant", "--name", "A", "--local", "--mode", "prod"}));
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(new String[] {"delete-everything"}));
    }

    @Test
    void usageErrorExitsWithTwo() {
        assertEquals(2, AdminCli.run(new String[] {}, System.out, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()), java.util.Map.of()));
    }
}
