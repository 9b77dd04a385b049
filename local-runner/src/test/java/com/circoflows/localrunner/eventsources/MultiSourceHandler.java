package com.circoflows.localrunner.eventsources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only function with several event sources: which instance got which kind of event. */
public class MultiSourceHandler implements RequestHandler<Object, Object> {
    public record Call(int instance, Object event) {
    }

    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    private final int instance;

    public MultiSourceHandler() {
        instance = CONSTRUCTED.incrementAndGet();
    }

    public static void reset() {
        CONSTRUCTED.set(0);
        CALLS.clear();
    }

    @Override
    public Object handleRequest(Object event, Context context) {
        CALLS.add(new Call(instance, event));
        return null;
    }
}
