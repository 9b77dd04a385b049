package com.circoflows.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.List;

/** bin/circoflows: picks the sub-command named by the first argument. */
public final class DeveloperCli {
    private final List<Command> commands;

    DeveloperCli(List<Command> commands) {
        this.commands = commands;
    }

    static DeveloperCli withAllCommands() {
        ZoneId zone = ZoneId.systemDefault();
        // bin/circoflows says where the project is, so logs finds the data folder bin/run-local uses.
        Path projectRoot = Path.of(System.getProperty("circoflows.root", "")).toAbsolutePath();
        return new DeveloperCli(List.of(new ListenCommand(new SecureRandom()), new TriggerCommand(),
                new EventsCommand(zone), new LogsCommand(projectRoot, zone), new CollectionCommand()));
    }

    public static void main(String[] args) {
        int status = withAllCommands().run(List.of(args), Terminal.ofProcess());
        System.out.flush();
        System.exit(status);
    }

    int run(List<String> args, Terminal terminal) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            printHelp(terminal);
            return args.isEmpty() ? 2 : 0;
        }
        for (Command command : commands) {
            if (command.name().equals(args.get(0))) {
                try {
                    return command.run(args.subList(1, args.size()), terminal);
                } catch (UsageException e) {
                    terminal.err().println("circoflows " + command.name() + ": " + e.getMessage());
                    terminal.err().println("usage: circoflows " + command.name() + " " + command.summary());
                    return 2;
                } catch (Exception e) {
                    terminal.err().println("circoflows " + command.name() + ": " + e.getMessage());
                    return 1;
                }
            }
        }
        terminal.err().println("circoflows: no command " + args.get(0));
        printHelp(terminal);
        return 2;
    }

    private void printHelp(Terminal terminal) {
        terminal.out().println("usage: circoflows <command> [arguments]");
        terminal.out().println("  (CIRCOFLOWS_API_KEY and CIRCOFLOWS_BASE_URL, default http://localhost:3000)");
        for (Command command : commands) {
            terminal.out().printf("  %-8s %s%n", command.name(), command.summary());
        }
    }
}
