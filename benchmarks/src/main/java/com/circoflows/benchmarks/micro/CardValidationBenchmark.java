package com.circoflows.benchmarks.micro;

import com.circoflows.domain.card.CardDetails;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The card checks of every payment request: digits and Luhn, brand by IIN, expiry format and date, CVV length. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CardValidationBenchmark {
    // Fields, not constants, so the JIT cannot fold the checks away.
    private String visa = "4242424242424242";
    private String amex = "378282246310005";
    private String spacedMastercard = "5555 5555 5555 4444";

    @Benchmark
    public CardDetails visa16Digits() {
        return CardDetails.validate(visa, "12", "2030", "123", SamplePayment.CLOCK);
    }

    @Benchmark
    public CardDetails amex15DigitsFourDigitCvv() {
        return CardDetails.validate(amex, "12", "2030", "1234", SamplePayment.CLOCK);
    }

    @Benchmark
    public CardDetails mastercardWithSpaces() {
        return CardDetails.validate(spacedMastercard, "12", "2030", "123", SamplePayment.CLOCK);
    }
}
