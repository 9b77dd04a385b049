package com.circoflows.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.cli.ParseException;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local running in this JVM as an HTTP server on 127.0.0.1, so the same SDK code that talks
 * to AWS talks to it.
 */
public final class LocalDynamoDb implements ServiceEndpoint, AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int ATTEMPTS_FOR_FREE_PORT = 3;

    private final DynamoDBProxyServer server;
    private final int port;
    private final Path dbPath;

    private LocalDynamoDb(DynamoDBProxyServer server, int port, Path dbPath) {
        this.server = server;
        this.port = port;
        this.dbPath = dbPath;
    }

    public static LocalDynamoDb startInMemory(int port) {
        return start(port, null);
    }

    /**
     * Starts DynamoDB Local.
     *
     * @param port   the port to listen on; 0 picks a free one
     * @param dbPath directory for the database files (created if missing); null keeps data in memory
     */
    public static LocalDynamoDb start(int port, Path dbPath) {
        if (dbPath != null) {
            try {
                Files.createDirectories(dbPath);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create DynamoDB Local data directory " + dbPath, e);
            }
        }
        // A picked free port can be taken by someone else before we bind it; try a fresh one then.
        int attempts = port == 0 ? ATTEMPTS_FOR_FREE_PORT : 1;
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int chosen = port == 0 ? FreePort.pick() : port;
            try {
                return new LocalDynamoDb(startServer(chosen, dbPath), chosen, dbPath);
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static DynamoDBProxyServer startServer(int port, Path dbPath) {
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (dbPath == null) {
            args.add("-inMemory");
        } else {
            args.add("-dbPath");
            args.add(dbPath.toAbsolutePath().toString());
        }
        DynamoDBProxyServer server;
        try {
            // Same as ServerRunner.createServerFromCommandLineArgs minus its configuration banner on stdout.
            CommandLineInput input = new CommandLineInput(args.toArray(String[]::new));
            if (!input.init()) {
                throw new IllegalStateException("DynamoDB Local rejected its arguments " + args);
            }
            server = ServerRunner.createServer(input);
        } catch (ParseException e) {
            throw new IllegalStateException("DynamoDB Local rejected its arguments " + args, e);
        }
        Server jetty = jettyOf(server);
        bindToLoopback(jetty);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("DynamoDB Local could not start on " + HOST + ":" + port, e);
        }
        // DynamoDB Local reports some bind failures only on stderr and returns normally.
        if (!jetty.isStarted()) {
            stopQuietly(server);
            throw new IllegalStateException("DynamoDB Local could not start on " + HOST + ":" + port);
        }
        return server;
    }

    /**
     * DynamoDB Local listens on every interface and offers no option to change that; an unauthenticated
     * database with API keys in it should not be reachable from the network, so restrict its connector.
     */
    private static void bindToLoopback(Server jetty) {
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof AbstractNetworkConnector network) {
                network.setHost(HOST);
            }
        }
    }

    private static Server jettyOf(DynamoDBProxyServer server) {
        for (Field field : DynamoDBProxyServer.class.getDeclaredFields()) {
            if (Server.class.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    return (Server) field.get(server);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("Cannot reach DynamoDB Local's HTTP server", e);
                }
            }
        }
        throw new IllegalStateException("This DynamoDB Local version has no Jetty server field; check its upgrade");
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // Already failing to start; the start failure is the one worth reporting.
        }
    }

    public int port() {
        return port;
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** The data directory, or null when the data lives in memory only. */
    public Path dbPath() {
        return dbPath;
    }

    /** A new client for this server; the caller closes it. */
    public DynamoDbClient newClient() {
        return LocalAwsClients.dynamoDb(endpoint());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
