package com.circoflows.adapters.wiring;

import java.util.function.Supplier;

/** Memoises one component; construction happens on the handler's init thread. */
final class Lazy<T> {
    private final Supplier<T> factory;
    private T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    synchronized T get() {
        if (value == null) {
            value = factory.get();
        }
        return value;
    }
}
