package com.circoflows.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.util.NowProvider;

import scala.Option;
import scala.collection.immutable.List$;
import scala.util.Either;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;

/**
 * ElasticMQ's own queue and message storage (its "messages-storage", an H2 database) in a data
 * directory: queues, their attributes and every message, visible or in flight with its receive
 * count, survive a restart. ElasticMQ's server wires the same pieces from its configuration file;
 * the embedded REST server used here takes them ready-made.
 *
 * <p>ElasticMQ reaches the database through scalikejdbc's one default connection pool per JVM, so a
 * JVM holds at most one stored ElasticMQ at a time; the pool is pointed at this directory when it
 * opens and closed when it closes, so a later one (a restart, another directory) can open.
 */
final class ElasticMqStorage implements AutoCloseable {
    private static final String USER = "sa";
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);
    /** The directory of the ElasticMQ that holds the JVM's connection pool, or null. */
    private static final AtomicReference<Path> OPEN = new AtomicReference<>();

    private final Path directory;
    private final ActorRef queueEvents;
    private final ActorRef queueManager;

    private ElasticMqStorage(Path directory, ActorRef queueEvents, ActorRef queueManager) {
        this.directory = directory;
        this.queueEvents = queueEvents;
        this.queueManager = queueManager;
    }

    /** Opens the database in {@code directory} and makes the actors that keep it up to date. */
    static ElasticMqStorage open(ActorSystem actorSystem, Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!OPEN.compareAndSet(null, absolute)) {
            throw new IllegalStateException("ElasticMQ with stored queues in " + OPEN.get() + " is still running in this"
                    + " JVM; ElasticMQ's storage allows one at a time, so stop it before starting one on " + absolute);
        }
        try {
            String url = "jdbc:h2:file:" + absolute.resolve("queues")
                    // Closed by close() below, not by H2's own shutdown hook while ElasticMQ still writes.
                    + ";DB_CLOSE_ON_EXIT=FALSE";
            pointDefaultPoolAt(url);
            SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, USER, "", false);
            ActorRef queueEvents = actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    () -> new SqlQueuePersistenceActor(config, List$.MODULE$.<CreateQueueMetadata>empty())));
            ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(queueEvents))));
            return new ElasticMqStorage(absolute, queueEvents, queueManager);
        } catch (RuntimeException e) {
            closeDefaultPool();
            OPEN.set(null);
            throw e;
        }
    }

    /** Receives every queue and message change, to store it. */
    ActorRef queueEvents() {
        return queueEvents;
    }

    ActorRef queueManager() {
        return queueManager;
    }

    /** Creates the stored queues with their messages again; call once the server is up, before anything else. */
    void restore() {
        Object answer;
        try {
            answer = Patterns.ask(queueEvents, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                    .toCompletableFuture().get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted restoring ElasticMQ's queues from " + directory, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ElasticMQ's stored queues in " + directory + " could not be restored", e);
        }
        if (answer instanceof Either<?, ?> result && result.isLeft()) {
            throw new IllegalStateException("ElasticMQ's stored queues in " + directory + " could not be restored: "
                    + result.left().get() + "; delete " + directory + " to start with empty queues");
        }
    }

    /** Closes the database; call after the actor system that wrote to it has stopped. */
    @Override
    public void close() {
        try {
            closeDefaultPool();
        } finally {
            OPEN.compareAndSet(directory, null);
        }
    }

    /*
     * ElasticMQ initialises the pool itself only once per JVM, so the pool is (re)pointed here every
     * time; its own initialisation, when it happens, repeats the same settings.
     */
    private static void pointDefaultPoolAt(String url) {
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        ConnectionPoolSettings settings = pools.singleton$default$4();
        pools.singleton(url, USER, "", settings, pools.singleton$default$5(url, USER, "", settings));
    }

    private static void closeDefaultPool() {
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        pools.close(pools.close$default$1());
    }
}
