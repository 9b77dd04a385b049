package com.circoflows.api.payments;

import com.circoflows.benchmarks.micro.SamplePayment;
import com.circoflows.domain.payment.DirectPaymentRequest;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.url.MerchantUrlPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON mapping of POST /api/direct-payment: the sample request body parsed into a validated request
 * (Jackson tree, field rules, card checks), and a completed payment rendered as the 200 body. In
 * PaymentResponses' package because the renderer is package-private: this times the real one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DirectPaymentJsonBenchmark {
    private final DirectPaymentRequestParser parser =
            new DirectPaymentRequestParser(new MerchantUrlPolicy(false), SamplePayment.CLOCK);
    private String requestBody;
    private PaymentOutcome outcome;

    @Setup
    public void samples() {
        requestBody = SamplePayment.REQUEST_BODY;
        outcome = SamplePayment.outcome();
    }

    @Benchmark
    public DirectPaymentRequest parseRequest() {
        return parser.parse(requestBody);
    }

    @Benchmark
    public String renderCompletedResponse() {
        return PaymentResponses.completed(outcome).body();
    }
}
