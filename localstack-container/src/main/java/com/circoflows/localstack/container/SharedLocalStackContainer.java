package com.circoflows.localstack.container;

import java.net.URI;

import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one LocalStack container of this JVM, started on first use and removed when the JVM exits
 * (Testcontainers' reaper, and a shutdown hook where the reaper is disabled). Called by name from
 * circoflows-local-stack's LocalStacks, so nothing of ours is imported here.
 */
public final class SharedLocalStackContainer {

    /**
     * Pinned so a run means the same next month. A 4.x community image: LocalStack's later
     * unified images want an auth token ({@code LOCALSTACK_AUTH_TOKEN}, passed through when set).
     */
    public static final String DEFAULT_IMAGE = "localstack/localstack:4.4.0";
    /** Another image or tag, e.g. {@code -Dcircoflows.localstack.image=localstack/localstack:4.7}. */
    public static final String IMAGE_PROPERTY = "circoflows.localstack.image";

    private static LocalStackContainer container;
    private static Boolean dockerChecked;
    /** A container that would not start fails every test that needs it, not just the first. */
    private static IllegalStateException startFailure;

    private SharedLocalStackContainer() {
    }

    /**
     * LocalStack's edge endpoint, serving DynamoDB and SQS alike.
     *
     * @throws TestAbortedException without Docker: JUnit reports the test as skipped with the reason,
     *                              and asks Docker only once per JVM
     */
    public static synchronized URI endpoint() {
        if (container != null) {
            return container.getEndpoint();
        }
        String dockerUnavailable = dockerUnavailableReason();
        if (dockerUnavailable != null) {
            throw new TestAbortedException(skipMessage(dockerUnavailable));
        }
        if (startFailure != null) {
            throw startFailure;
        }
        LocalStackContainer started = new LocalStackContainer(DockerImageName.parse(image())
                .asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("dynamodb", "sqs")
                // AWS refuses a second PurgeQueue within 60 s and re-creating a queue within 60 s of
                // deleting it; SqsEventSourcePollerIT purges before every test and WebhookSweeperIT
                // re-creates the queue after its outage, as ElasticMQ allows. LocalStack's defaults
                // are already off; said here so another image can't turn them on.
                .withEnv("SQS_DELAY_PURGE_RETRY", "0")
                .withEnv("SQS_DELAY_RECENTLY_DELETED", "0")
                // Expired items stay, as DynamoDB Local keeps them (AWS deletes them within days).
                .withEnv("DYNAMODB_REMOVE_EXPIRED_ITEMS", "0");
        String authToken = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (authToken != null && !authToken.isBlank()) {
            started.withEnv("LOCALSTACK_AUTH_TOKEN", authToken);
        }
        try {
            started.start();
        } catch (RuntimeException e) {
            started.close();
            startFailure = new IllegalStateException("the LocalStack container (" + image() + ") did not start", e);
            throw startFailure;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "localstack-container-stop"));
        container = started;
        // Says in the test output which servers this JVM's ITs ran against.
        System.out.println("LocalStack " + image() + " started at " + container.getEndpoint());
        return container.getEndpoint();
    }

    static String image() {
        String chosen = System.getProperty(IMAGE_PROPERTY);
        return chosen == null || chosen.isBlank() ? DEFAULT_IMAGE : chosen.trim();
    }

    /** Why no container can start here, or null when Docker answers; asks Docker once per JVM. */
    static synchronized String dockerUnavailableReason() {
        if (dockerChecked == null) {
            dockerChecked = DockerClientFactory.instance().isDockerAvailable();
        }
        return dockerChecked ? null : "Docker is not available (Testcontainers found no Docker environment)";
    }

    static String skipMessage(String reason) {
        return reason + ", so this test cannot run against LocalStack (-Plocalstack / -Dcircoflows.stack=localstack)"
                + " and is skipped; it runs against the embedded stack in the default build";
    }
}
