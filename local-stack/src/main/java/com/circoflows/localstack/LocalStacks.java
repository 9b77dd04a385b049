package com.circoflows.localstack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The stack the build selected ({@link StackKind#selected()}): what integration tests, and the
 * local runner they start, call instead of {@link LocalStack#start}. Embedded, it is exactly
 * {@code LocalStack.start}. Under LocalStack, every stack of the JVM attaches to one shared
 * container and gets tables and queues of its own, created from template.yaml as for the embedded
 * servers, under a stack name of its own (see {@link #attachedStackName}).
 *
 * <p>The container code lives in the circoflows-localstack-container module, which only the
 * {@code localstack} Maven profile puts on the test classpath; it is found by class name so that the
 * default build carries no Testcontainers at all. Without Docker it throws JUnit's
 * TestAbortedException, so each test that needs a stack is reported as skipped with the reason.
 */
public final class LocalStacks {

    /** Its static {@code endpoint()} starts the JVM's LocalStack container on first use. */
    static final String CONTAINER_CLASS = "com.circoflows.localstack.container.SharedLocalStackContainer";

    private static final AtomicInteger ATTACHED = new AtomicInteger();
    private static final LocalStacks SELECTED = new LocalStacks(StackKind.selected(), LocalStacks::containerEndpoint);

    private final StackKind kind;
    private final Supplier<URI> localStackEndpoint;

    LocalStacks(StackKind kind, Supplier<URI> localStackEndpoint) {
        this.kind = kind;
        this.localStackEndpoint = localStackEndpoint;
    }

    /** Starts (embedded) or attaches (LocalStack) a stack provisioned from template.yaml. */
    public static LocalStack start(LocalStackOptions options) {
        return SELECTED.startStack(options);
    }

    /** The kind {@link #start} gives. */
    public static StackKind kind() {
        return SELECTED.kind;
    }

    LocalStack startStack(LocalStackOptions options) {
        if (kind == StackKind.EMBEDDED) {
            return LocalStack.start(options);
        }
        URI endpoint = localStackEndpoint.get();
        // LocalStack serves every service on one edge port.
        return LocalStack.attach(options.withStackName(attachedStackName(options, ATTACHED.incrementAndGet())),
                endpoint, endpoint);
    }

    /**
     * An embedded stack in memory starts empty and one with a data directory finds that directory's
     * tables again. On the shared container the stack name gives the same: a fresh name for each
     * in-memory stack, and for a data directory a name derived from its path, so a restart over the
     * same directory (DemoMerchantKeyIT) sees its tables. Table and queue names carry the stack name
     * (template.yaml's {@code !Sub '${AWS::StackName}-...'}), and stay well inside SQS's 80 characters.
     */
    static String attachedStackName(LocalStackOptions options, int sequence) {
        if (options.dataDir() == null) {
            return options.stackName() + "-" + sequence;
        }
        String path = options.dataDir().toAbsolutePath().normalize().toString();
        return options.stackName() + "-d" + shortHash(path);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static URI containerEndpoint() {
        return containerEndpoint(CONTAINER_CLASS, LocalStacks.class.getClassLoader());
    }

    static URI containerEndpoint(String className, ClassLoader loader) {
        Method endpoint;
        try {
            endpoint = Class.forName(className, true, loader).getMethod("endpoint");
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException(StackKind.PROPERTY + "=" + StackKind.LOCALSTACK.propertyValue()
                    + " needs " + className + " (module localstack-container) on the test classpath;"
                    + " run Maven with -Plocalstack rather than setting the property alone", e);
        }
        try {
            return (URI) endpoint.invoke(null);
        } catch (InvocationTargetException e) {
            // TestAbortedException (no Docker) must reach JUnit as itself to be reported as a skip.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("LocalStack container did not start", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(className + ".endpoint() must be public", e);
        }
    }
}
