package com.circoflows.adapters.lambda;

import com.circoflows.observability.ColdStart;
import com.circoflows.observability.JsonLog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs a function's priming just before SnapStart takes its snapshot, so the classes and JIT state of
 * the request path (SDK marshalling, HTTP client, JSON, bcrypt) are in the snapshot every restored
 * container starts from; on a cold start without SnapStart, in the background during init. The priming must be harmless: reads of keys that cannot exist and JSON
 * round trips of made-up payloads, never a write, a rate-limit count or a cache entry of real data.
 *
 * <p>Nothing needs refreshing after a restore: the priming caches nothing, the SDK's clients resolve
 * credentials from the environment on each call, a pooled connection that went stale in the snapshot
 * fails and is retried by the SDK, and SecureRandom (our ids, keys and secrets) is reseeded by
 * Lambda's runtime on restore.
 */
public final class SnapStartPriming implements Resource {
    /** CRaC's global context may hold resources only weakly; these must live as long as their handler. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private static final JsonLog LOG = JsonLog.get(SnapStartPriming.class);

    /** Set by Lambda for every init: on-demand, provisioned-concurrency or snap-start. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    private static final Set<String> BACKGROUND_INIT_TYPES = Set.of("on-demand", "provisioned-concurrency");

    private final Runnable priming;

    private SnapStartPriming(Runnable priming) {
        this.priming = priming;
    }

    /**
     * Called from a handler's no-arg constructor. Under SnapStart the priming runs before the
     * snapshot; on a cold start without one (Lambda's on-demand or provisioned-concurrency init) it
     * runs at once on a background thread, so the classes the first request needs load while the rest
     * of init and that request's own waits go on. Elsewhere (tests, the local runner) it never runs
     * by itself: a stray read there would disturb tests that count or fail calls.
     */
    public static SnapStartPriming register(Runnable priming) {
        SnapStartPriming resource = new SnapStartPriming(priming);
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
        if (BACKGROUND_INIT_TYPES.contains(String.valueOf(System.getenv(INITIALIZATION_TYPE)))) {
            Thread background = new Thread(resource::prime, "init-priming");
            background.setDaemon(true);
            background.start();
        }
        return resource;
    }

    /** What this JVM registered, most recent last: for tests that run a priming themselves. */
    public static List<SnapStartPriming> registered() {
        return List.copyOf(REGISTERED);
    }

    /**
     * A priming that fails (DynamoDB unreachable while the version is published) is logged and the
     * snapshot taken anyway: priming only makes the first request faster, and an exception here would
     * fail the publication of the version instead.
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    private void prime() {
        try {
            priming.run();
        } catch (RuntimeException e) {
            LOG.warn("priming_failed", Map.of("error", e.getClass().getName()));
        }
    }

    /** Nothing to refresh (see the class comment); the restored container's first request is a cold start. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        ColdStart.CONTAINER.restored();
    }
}
