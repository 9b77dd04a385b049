package com.circoflows.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code create-merchant --name NAME [--mode test|live] (--local [--endpoint URL] | --stack-name NAME [--region R])}.
 */
record AdminCommand(String action, String merchantName, String mode, Target target) {

    sealed interface Target permits LocalTarget, AwsTarget {
        String stackName();
    }

    /** The local runner's DynamoDB Local (bin/run-local prints its address). */
    record LocalTarget(String endpoint) implements Target {
        @Override
        public String stackName() {
            return "circoflows-local";
        }
    }

    /** A deployed stack, reached with the ordinary AWS credential chain. */
    record AwsTarget(String stackName, String region) implements Target {
    }

    static final String USAGE = """
            usage: bin/admin create-merchant --name "Acme Ltd" [--mode test|live] --local [--endpoint http://127.0.0.1:8000]
                   bin/admin create-merchant --name "Acme Ltd" [--mode test|live] --stack-name circoflows-dev [--region eu-west-1]

            Creates a merchant and prints its first API key. The key is shown once and stored only as a
            bcrypt hash. Against AWS it uses your normal AWS credentials (environment, profile, SSO).""";

    static AdminCommand parse(String[] args) {
        if (args.length == 0 || !args[0].equals("create-merchant")) {
            throw new IllegalArgumentException("unknown or missing command");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--local")) {
                options.put("local", "true");
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
        }
        String name = options.remove("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("--name is required");
        }
        String mode = options.getOrDefault("mode", "test");
        options.remove("mode");
        if (!mode.equals("test") && !mode.equals("live")) {
            throw new IllegalArgumentException("--mode must be test or live");
        }
        Target target;
        if (options.remove("local") != null) {
            target = new LocalTarget(options.getOrDefault("endpoint", "http://127.0.0.1:8000"));
            options.remove("endpoint");
        } else if (options.containsKey("stack-name")) {
            target = new AwsTarget(options.remove("stack-name"), options.remove("region"));
        } else {
            throw new IllegalArgumentException("say where: --local or --stack-name NAME");
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + options.keySet());
        }
        return new AdminCommand("create-merchant", name, mode, target);
    }
}
