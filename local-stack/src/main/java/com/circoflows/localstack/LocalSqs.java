package com.circoflows.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ, an SQS-compatible server, running in this JVM on 127.0.0.1; queues and messages in
 * memory, or stored in a data directory so they survive a restart ({@link ElasticMqStorage}).
 */
public final class LocalSqs implements ServiceEndpoint, AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final long STOP_TIMEOUT_SECONDS = 10;

    /*
     * ElasticMQ's own configuration logs at DEBUG through SLF4J. Its actor system is ours instead, so
     * the settings stay inside this server and do not leak into the host application's logging.
     */
    private static final String QUIET_ACTOR_SYSTEM = """
            pekko.loglevel = "OFF"
            pekko.stdout-loglevel = "OFF"
            pekko.loggers = ["org.apache.pekko.event.Logging$DefaultLogger"]
            pekko.logging-filter = "org.apache.pekko.event.DefaultLoggingFilter"
            pekko.log-dead-letters = off
            pekko.log-dead-letters-during-shutdown = off
            """;

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final int port;
    /** Where queues and messages are stored, or null when they live in memory only. */
    private final ElasticMqStorage storage;

    private LocalSqs(ActorSystem actorSystem, SQSRestServer server, int port, ElasticMqStorage storage) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.port = port;
        this.storage = storage;
    }

    /** Starts ElasticMQ with queues and messages in memory. */
    public static LocalSqs start(int port, String region) {
        return start(port, region, null);
    }

    /**
     * Starts ElasticMQ.
     *
     * @param port    the port to listen on; 0 lets the server pick a free one
     * @param region  the region queue ARNs carry, so they look like the deployed stack's
     * @param dataDir where queues and messages are stored (created if missing), restored from on start;
     *                null keeps them in memory. One stored ElasticMQ per JVM at a time.
     */
    public static LocalSqs start(int port, String region, Path dataDir) {
        ActorSystem actorSystem = ActorSystem.create("local-sqs", quietConfig());
        ElasticMqStorage storage = null;
        try {
            TheSQSRestServerBuilder builder = SQSRestServerBuilder
                    .withActorSystem(actorSystem)
                    .withInterface(HOST)
                    .withAWSRegion(region)
                    .withAWSAccountId(TemplateValueResolver.LOCAL_ACCOUNT_ID);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                storage = ElasticMqStorage.open(actorSystem, dataDir);
                builder = builder.withQueueManagerActor(storage.queueManager())
                        .withQueueEventListener(storage.queueEvents());
            }
            // With a fixed port ElasticMQ would still put its default port 9324 into queue URLs.
            builder = port == 0
                    ? builder.withDynamicPort()
                    : builder.withPort(port).withServerAddress(new NodeAddress("http", HOST, port, ""));
            SQSRestServer server = builder.start();
            int boundPort = server.waitUntilStarted().localAddress().getPort();
            if (storage != null) {
                storage.restore();
            }
            return new LocalSqs(actorSystem, server, boundPort, storage);
        } catch (IOException | RuntimeException e) {
            terminate(actorSystem);
            if (storage != null) {
                storage.close();
            }
            throw new IllegalStateException("ElasticMQ could not start on " + HOST + ":" + port
                    + (dataDir == null ? "" : " with its queues stored in " + dataDir), e);
        }
    }

    private static Config quietConfig() {
        ClassLoader loader = LocalSqs.class.getClassLoader();
        return ConfigFactory.parseString(QUIET_ACTOR_SYSTEM).withFallback(ConfigFactory.load(loader));
    }

    public int port() {
        return port;
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** A new client for this server; the caller closes it. */
    public SqsClient newClient() {
        return LocalAwsClients.sqs(endpoint());
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            try {
                terminate(actorSystem);
            } finally {
                if (storage != null) {
                    storage.close();
                }
            }
        }
    }

    private static void terminate(ActorSystem actorSystem) {
        actorSystem.terminate();
        try {
            actorSystem.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ElasticMQ did not stop within " + STOP_TIMEOUT_SECONDS + " s", e);
        }
    }
}
