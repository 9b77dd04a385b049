package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.HttpResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one fuzz property: generated cases, each sent and its answer checked, a few at a time (as
 * clients would; the runner serves them in parallel). A property names its grid of main choices
 * (e.g. 9 routes × 22 kinds of body = 198 cells) and how many rounds over it to run; each try gets
 * its cell from its {@link Strata} and the rest from its own seed, generated in order, so every cell
 * is met every run and {@code -Dfuzz.seed=N} replays the same cases. The run goes on after a failure
 * and reports up to {@value #SHOWN_FAILURES} different ones at the end (one per kind of case and
 * problem). {@code -Dfuzz.scale=4} runs four times the rounds, {@code 0.1} a tenth of the tries.
 */
final class FuzzProperty {
    /** Requests in flight at once; the key pool keeps this many requests of each key's budget in hand. */
    static final int PARALLEL = 4;
    private static final int SHOWN_FAILURES = 10;
    private static final long SEED = Long.getLong("fuzz.seed", new Random().nextLong());
    private static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));

    private FuzzProperty() {
    }

    /** One try's case, from its cell in the property's grid and its own randomness. */
    @FunctionalInterface
    interface Cases {
        FuzzCase next(Random random, Strata strata);
    }

    /** Sends {@code tries} cases drawn at random, with no grid of main choices. */
    static void forAll(String property, int tries, Gen<FuzzCase> cases, FuzzFixtures fixtures) {
        forAll(property, 1, tries, (random, strata) -> cases.next(random), fixtures);
    }

    /**
     * Sends {@code rounds} rounds of {@code cells} cases (scaled by {@code -Dfuzz.scale}) through
     * {@code fixtures} and checks every answer; {@code cells} is the product of the choices the cases
     * make through their {@link Strata}.
     */
    static void forAll(String property, int cells, int rounds, Cases cases, FuzzFixtures fixtures) {
        long propertySeed = SEED ^ property.hashCode();
        int scaledTries = Math.max(1, (int) Math.round((double) cells * rounds * SCALE));
        Map<String, String> failures = new LinkedHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(PARALLEL);
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL);
        long started = System.nanoTime();
        try {
            for (int attempt = 0; attempt < scaledTries; attempt++) {
                FuzzCase fuzzCase = generate(cases, propertySeed, attempt, property);
                int tryNumber = attempt;
                inFlight.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        long sent = System.nanoTime();
                        HttpResult answer = fixtures.send(fuzzCase);
                        long millis = (System.nanoTime() - sent) / 1_000_000;
                        Stage stage = fixtures.check(fuzzCase, answer);
                        FuzzTally.record(property, fuzzCase.method() + " " + fuzzCase.route().path(), fuzzCase.kind(),
                                answer.status(), stage, millis);
                    } catch (AssertionError | RuntimeException e) {
                        failed.incrementAndGet();
                        synchronized (failures) {
                            failures.putIfAbsent(fuzzCase.kind() + " " + firstLine(e.getMessage()), "try " + tryNumber
                                    + ": " + e.getMessage() + "\n  case " + fuzzCase.describe());
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            senders.shutdown();
            awaitQuietly(senders);
        }
        FuzzTally.finish(property, cells, (System.nanoTime() - started) / 1_000_000, fixtures.keys().merchants());
        if (failed.get() > 0) {
            List<String> shown = new ArrayList<>(failures.values()).subList(0, Math.min(SHOWN_FAILURES, failures.size()));
            throw new AssertionError("property '" + property + "' failed for " + failed.get() + " of " + scaledTries
                    + " cases (" + failures.size() + " different; replay with -Dfuzz.seed=" + SEED + "):\n"
                    + String.join("\n\n", shown));
        }
    }

    /** A generator that throws is a fault of the test; it still names the seed that replays it. */
    private static FuzzCase generate(Cases cases, long propertySeed, int attempt, String property) {
        try {
            return cases.next(new Random(mix(propertySeed + attempt)), new Strata(attempt));
        } catch (RuntimeException e) {
            throw new AssertionError("property '" + property + "': generating try " + attempt
                    + " threw (replay with -Dfuzz.seed=" + SEED + ")", e);
        }
    }

    /**
     * SplitMix64's finaliser: java.util.Random's first values are nearly the same for neighbouring seeds
     * (every try would pick the same route), so each try's seed is scrambled first.
     */
    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void awaitQuietly(ExecutorService senders) {
        try {
            if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new AssertionError("fuzz requests still running after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int end = text.indexOf(':');
        return end < 0 ? text : text.substring(0, end);
    }
}
