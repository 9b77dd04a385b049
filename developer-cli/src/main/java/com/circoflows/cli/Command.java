package com.circoflows.cli;

import java.util.List;

/** One sub-command of bin/circoflows. */
interface Command {
    /** The word that selects it: {@code bin/circoflows <name> …}. */
    String name();

    /** One line for the help: its arguments and what it does. */
    String summary();

    /** @return the process's exit status: 0 when all went well */
    int run(List<String> arguments, Terminal terminal) throws Exception;
}
