package com.circoflows.testsupport;

import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.LocalStacks;

/**
 * What a handler integration test runs against: a {@link LocalStack} provisioned from template.yaml
 * (embedded, or tables and queues of its own on the JVM's LocalStack container under -Plocalstack, see
 * {@link LocalStacks}), the merchant behind the sample key of the events/ files, and, by area, the
 * helpers that read and write what the functions store.
 *
 * <p>Tests get the JVM's one stack from {@link HandlerStackExtension}; every test class of the JVM
 * shares it, so a test works with its own merchants, keys and ids and never assumes a table or queue is
 * empty. {@link #start()} makes a stack of one's own (benchmarks), which the caller closes.
 */
public final class HandlerStack implements AutoCloseable {
    /** Any 32+ characters: the value the stack serves as the template's AppSecret. */
    public static final String APP_SECRET_KEY = "handler-it-app-secret-key-0123456789abcdefghij";

    private final LocalStack stack;
    private final TemplateFunctions functions;
    private final TestQueues queues;
    private final TestMerchants merchants;
    private final TestPayments payments;
    private final TestWebhooks webhooks;
    private final TestSessions sessions;
    private final TestBankCredits bankCredits;

    private HandlerStack(LocalStack stack) {
        this.stack = stack;
        this.functions = new TemplateFunctions(stack);
        this.queues = new TestQueues(stack);
        this.merchants = new TestMerchants(stack);
        this.payments = new TestPayments(stack, functions);
        this.webhooks = new TestWebhooks(stack, functions, queues, payments);
        this.sessions = new TestSessions(stack, functions);
        this.bankCredits = new TestBankCredits(stack, payments);
    }

    /** Starts a stack of its own and registers the sample key; the caller closes it. */
    public static HandlerStack start() {
        LocalStack stack = LocalStacks.start(LocalStackOptions.defaults().withSecret("AppSecret", APP_SECRET_KEY));
        try {
            return new HandlerStack(stack);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public LocalStack localStack() {
        return stack;
    }

    /** The physical name of a template table, e.g. {@code table("TransactionsTable")}. */
    public String table(String logicalId) {
        return stack.resources().tableName(logicalId);
    }

    /** The template's functions: their environments on this stack, and handlers built from them. */
    public TemplateFunctions functions() {
        return functions;
    }

    /** The template's queues: sending, receiving and draining messages. */
    public TestQueues queues() {
        return queues;
    }

    /** Merchants and their API keys, the sample key's merchant included. */
    public TestMerchants merchants() {
        return merchants;
    }

    /** Payments made through the create function, and the transactions stored. */
    public TestPayments payments() {
        return payments;
    }

    /** Hosted payment sessions. */
    public TestSessions sessions() {
        return sessions;
    }

    /** Bank credits: held ones, as the credit feed's consumer holds them. */
    public TestBankCredits bankCredits() {
        return bankCredits;
    }

    /** Webhook endpoints, events and delivery jobs. */
    public TestWebhooks webhooks() {
        return webhooks;
    }

    @Override
    public void close() {
        stack.close();
    }
}
