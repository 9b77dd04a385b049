package com.circoflows.benchmarks.sizing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.circoflows.benchmarks.coldstart.ColdStartScenarios;
import com.circoflows.config.Settings;
import com.circoflows.localstack.LocalLambdaContext;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.observability.JsonLog;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code bin/benchmark sizing [invocations=20] [function logical ids...]}: for each function of
 * template.yaml, constructs its handler in this JVM with the template's environment, against the
 * local stack, and makes that many invocations, each on the event ColdStartScenarios prepares (a new
 * merchant each time, so every API call reads and verifies its key against the key table, as the
 * first request of a key does on a fresh container). Reports per invocation: CPU time of the invoking
 * thread, wall time, bytes allocated; and the heap the handler keeps after a full GC. What the
 * figures mean for MemorySize is in docs/performance.md, "Memory sizing".
 */
public final class SizingBenchmark {
    private static final ThreadMeter THREAD = new ThreadMeter();

    private SizingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Set<String> only = args.length > 1 ? Set.copyOf(Arrays.asList(args).subList(1, args.length)) : Set.of();
        // The functions' own log lines are not the report.
        JsonLog.redirectTo(new PrintStream(OutputStream.nullOutputStream()));
        // Merchants need an endpoint that takes their webhooks; what arrives is not part of the measurement.
        WebhookReceiver receiver = WebhookReceiver.start(false).answer(Answering.always(200));
        List<SizingResult> results = new ArrayList<>();
        try (HandlerStack handlerStack = HandlerStack.start()) {
            ColdStartScenarios scenarios = new ColdStartScenarios(handlerStack,
                    receiver.url("/hooks"));
            System.out.printf("Sizing: %d invocations per function, in-process on the local stack, %d cores%n",
                    invocations, Runtime.getRuntime().availableProcessors());
            System.out.println(SizingResult.HEADER);
            for (FunctionDefinition function : handlerStack.localStack().template().functions()) {
                if (!only.isEmpty() && !only.contains(function.logicalId())) {
                    continue;
                }
                SizingResult result = measure(handlerStack, scenarios, function, invocations);
                results.add(result);
                System.out.println(result.row());
            }
        } finally {
            receiver.close();
            JsonLog.redirectTo(System.out);
        }
    }

    @SuppressWarnings("unchecked")
    private static SizingResult measure(HandlerStack handlerStack, ColdStartScenarios scenarios,
            FunctionDefinition function, int invocations) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = heapAfterGc(memory);
        RequestHandler<Object, Object> handler = Settings.withEnvironment(handlerStack.functions().environment(function.logicalId()),
                () -> construct(function.handlerClassName()));
        LocalLambdaContext context = new LocalLambdaContext(UUID.randomUUID().toString(), function.logicalId(), 1024);
        // One invocation first: this JVM's first use of a code path loads and compiles classes, the
        // cold start's cost (bin/benchmark cold-start), not a warm container's.
        handler.handleRequest(scenarios.prepare(function.logicalId()), context);
        long[] cpu = new long[invocations];
        long[] wall = new long[invocations];
        long[] allocated = new long[invocations];
        long peakUsed = 0;
        for (int i = 0; i < invocations; i++) {
            Object event = scenarios.prepare(function.logicalId());
            long cpuStart = THREAD.cpuNanos();
            long allocatedStart = THREAD.allocatedBytes();
            long wallStart = System.nanoTime();
            handler.handleRequest(event, context);
            wall[i] = System.nanoTime() - wallStart;
            cpu[i] = THREAD.cpuNanos() - cpuStart;
            allocated[i] = THREAD.allocatedBytes() - allocatedStart;
            peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
        }
        long retained = heapAfterGc(memory) - heapBefore;
        // Keep the handler reachable until the retained heap is measured.
        java.lang.ref.Reference.reachabilityFence(handler);
        return new SizingResult(function.logicalId(), median(cpu), percentile(cpu, 0.9), median(wall),
                median(allocated), retained, peakUsed);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> construct(String className) {
        try {
            return (RequestHandler<Object, Object>) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long median(long[] values) {
        return percentile(values, 0.5);
    }

    private static long percentile(long[] values, double share) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
