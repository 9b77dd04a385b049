package com.circoflows.localrunner.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of values from a source of randomness: the building block of the fuzz properties.
 * The same seed gives the same value, so a failing case can be generated again (see {@link FuzzProperty}).
 */
@FunctionalInterface
interface Gen<T> {
    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T value : values) {
            list.add(value);
        }
        return elements(list);
    }

    static <T> Gen<T> elements(List<T> values) {
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** One of the generators, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> list = new ArrayList<>(generators.length);
        for (Gen<? extends T> generator : generators) {
            list.add(generator);
        }
        return random -> list.get(random.nextInt(list.size())).next(random);
    }

    static Gen<Integer> between(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    /** Lengths skew short (most bugs need little input) but reach {@code maxLength}. */
    static Gen<String> string(Gen<String> pieces, int minLength, int maxLength) {
        return random -> {
            int length = skewedLength(random, minLength, maxLength);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                text.append(pieces.next(random));
            }
            return text.length() > maxLength ? text.substring(0, maxLength) : text.toString();
        };
    }

    private static int skewedLength(Random random, int min, int max) {
        double u = random.nextDouble();
        return min + (int) Math.floor(u * u * u * (max - min + 1));
    }

    /** Choices with weights: {@code Gen.weighted().add(3, a).add(1, b).build()} picks a three times as often. */
    static <T> Weighted<T> weighted() {
        return new Weighted<>();
    }

    final class Weighted<T> {
        private final List<Integer> weights = new ArrayList<>();
        private final List<Gen<? extends T>> generators = new ArrayList<>();
        private int total;

        public Weighted<T> add(int weight, Gen<? extends T> generator) {
            weights.add(weight);
            generators.add(generator);
            total += weight;
            return this;
        }

        public Gen<T> build() {
            List<Integer> fixedWeights = List.copyOf(weights);
            List<Gen<? extends T>> fixedGenerators = List.copyOf(generators);
            int fixedTotal = total;
            return random -> {
                int pick = random.nextInt(fixedTotal);
                for (int i = 0; i < fixedWeights.size(); i++) {
                    pick -= fixedWeights.get(i);
                    if (pick < 0) {
                        return fixedGenerators.get(i).next(random);
                    }
                }
                throw new IllegalStateException("unreachable");
            };
        }
    }
}
