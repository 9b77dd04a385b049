package com.circoflows.adapters.dynamodb;

import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.config.Settings;
import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentAmounts;
import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionFilter;
import com.circoflows.domain.payment.TransactionPage;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * GET /api/direct-payment's reads measured, not guessed: seeds the in-process local stack (DynamoDB
 * Local, the template's tables and indexes) with {@code transactions} payments over {@code merchants}
 * merchants, one of them holding 20% (40,000 of 200,000), written with BatchWriteItem through the real
 * SDK as the real TransactionItems and TransactionSearchEntries write them; then pages through each
 * filter with DynamoTransactionList (the code the function runs) and reports, per page, the items
 * DynamoDB read (the sum of each Query's ScannedCount and the items BatchGetItem returned) and the
 * latency. In TransactionItems' package because the item mapping is package-private: this seeds with
 * the real one. Usage: TransactionListBenchmark [transactions=200000] [merchants=50] [pages=100].
 */
public final class TransactionListBenchmark {
    private static final int LIMIT = 20;
    private static final Instant NEWEST = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(365);
    private static final String[] CHANNELS = {"web", "app", "pos"};
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final AtomicLong itemsRead = new AtomicLong();

    private TransactionListBenchmark() {
    }

    /** Adds up what DynamoDB read for each call: Query's ScannedCount, BatchGetItem's items. */
    static final class ReadCounter implements ExecutionInterceptor {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse query) {
                itemsRead.addAndGet(query.scannedCount());
            } else if (context.response() instanceof BatchGetItemResponse batch) {
                batch.responses().values().forEach(items -> itemsRead.addAndGet(items.size()));
            }
        }
    }

    /** One seeded merchant: its id, how many transactions, and one of its sessions and order ids. */
    private record Seeded(String merchantId, int transactions, String someSession, String someOrder) {
    }

    public static void main(String[] args) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int merchants = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults())) {
            Settings settings = new Settings(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local", "AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDb().endpoint().toString()));
            DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings, AwsClients.httpClient(), List.of(new ReadCounter()));
            String transactionsTable = stack.resources().tableName("TransactionsTable");
            String searchTable = stack.resources().tableName("TransactionSearchTable");

            long seedStart = System.nanoTime();
            List<Seeded> seeded = seed(dynamoDb, transactionsTable, searchTable, transactions, merchants);
            System.out.printf("Seeded %,d transactions over %d merchants (largest %,d) in %.0f s%n", transactions,
                    merchants, seeded.get(0).transactions(), (System.nanoTime() - seedStart) / 1e9);

            DynamoTransactionList list = new DynamoTransactionList(dynamoDb, transactionsTable, searchTable);
            System.out.printf("limit=%d, up to %d pages per filter; items read per page = sum of Query ScannedCount"
                    + " + BatchGetItem items%n", LIMIT, pages);
            System.out.printf("%-38s %9s %6s %6s %8s %8s %8s %9s %9s %9s%n", "filter", "merchant", "pages", "shown",
                    "read min",
                    "read avg", "read max", "p50 ms", "p95 ms", "max ms");
            // Warm-up: the same walks on the small merchant, unreported, so the JIT and the connection pool
            // are not in the first measured pages.
            walkEveryFilter(list, seeded.get(1), 3, false);
            for (Seeded merchant : List.of(seeded.get(0), seeded.get(1))) {
                walkEveryFilter(list, merchant, pages, true);
            }
        }
        System.exit(0);
    }

    private static void walkEveryFilter(DynamoTransactionList list, Seeded merchant, int pages, boolean report) {
        Instant from = NEWEST.minus(Duration.ofDays(200));
        Instant to = NEWEST.minus(Duration.ofDays(170));
        Map<String, TransactionFilter> filters = new LinkedHashMap<>();
        filters.put("none", TransactionFilter.none());
        filters.put("status=completed", new TransactionFilter(TransactionStatus.COMPLETED, null, null, null, null));
        filters.put("status=pending (5%)", new TransactionFilter(TransactionStatus.PENDING, null, null, null, null));
        filters.put("created 30-day range", new TransactionFilter(null, from, to, null, null));
        filters.put("status=failed + created range",
                new TransactionFilter(TransactionStatus.FAILED, from, to, null, null));
        filters.put("metadata[channel]=app (1/3)", new TransactionFilter(null, null, null, null,
                new TransactionFilter.MetadataPair("channel", "app")));
        filters.put("metadata[channel]=app + status=failed", new TransactionFilter(TransactionStatus.FAILED,
                null, null, null, new TransactionFilter.MetadataPair("channel", "app")));
        filters.put("metadata[order_id]=one order", new TransactionFilter(null, null, null, null,
                new TransactionFilter.MetadataPair("order_id", merchant.someOrder())));
        filters.put("session_id=one session",
                new TransactionFilter(null, null, null, merchant.someSession(), null));
        for (Map.Entry<String, TransactionFilter> filter : filters.entrySet()) {
            walk(list, merchant, filter.getKey(), filter.getValue(), pages, report);
        }
    }

    private static void walk(DynamoTransactionList list, Seeded merchant, String name, TransactionFilter filter,
            int pages, boolean report) {
        List<Long> reads = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        long shown = 0;
        String cursor = null;
        for (int page = 0; page < pages; page++) {
            itemsRead.set(0);
            long start = System.nanoTime();
            TransactionPage found = list.list(merchant.merchantId(), Mode.TEST, filter, LIMIT, cursor);
            nanos.add(System.nanoTime() - start);
            reads.add(itemsRead.get());
            shown += found.transactions().size();
            cursor = found.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        if (!report) {
            return;
        }
        long[] sortedNanos = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-38s %9s %6d %6.1f %8d %8.1f %8d %9.2f %9.2f %9.2f%n", name,
                String.format("%,d", merchant.transactions()), reads.size(), (double) shown / reads.size(),
                reads.stream().mapToLong(Long::longValue).min().orElse(0),
                reads.stream().mapToLong(Long::longValue).average().orElse(0),
                reads.stream().mapToLong(Long::longValue).max().orElse(0),
                rank(sortedNanos, 50), rank(sortedNanos, 95), sortedNanos[sortedNanos.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Merchant 0 holds 20% of the transactions; the rest share the remainder evenly. */
    private static List<Seeded> seed(DynamoDbClient dynamoDb, String transactionsTable, String searchTable,
            int transactions, int merchants) throws Exception {
        int largest = transactions / 5;
        int rest = transactions - largest;
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Seeded> seeded = new ArrayList<>();
        List<Future<?>> writes = new ArrayList<>();
        Random random = new Random(15);
        for (int m = 0; m < merchants; m++) {
            int count = m == 0 ? largest : rest / (merchants - 1) + (m - 1 < rest % (merchants - 1) ? 1 : 0);
            String merchantId = "mch_" + id(random, 20);
            String someSession = null;
            String someOrder = null;
            Map<String, List<WriteRequest>> batch = new LinkedHashMap<>();
            int inBatch = 0;
            for (int i = 0; i < count; i++) {
                Transaction t = transaction(random, merchantId, i);
                if (t.sessionId() != null && (someSession == null || random.nextInt(10) == 0)) {
                    someSession = t.sessionId();
                }
                if (i == count / 2) {
                    someOrder = String.valueOf(t.metadata().get("order_id"));
                }
                batch.computeIfAbsent(transactionsTable, table -> new ArrayList<>()).add(put(TransactionItems.toItem(t)));
                inBatch++;
                for (Map<String, AttributeValue> entry : TransactionSearchEntries.entries(t)) {
                    batch.computeIfAbsent(searchTable, table -> new ArrayList<>()).add(put(entry));
                    inBatch++;
                }
                // BatchWriteItem takes 25 puts; a transaction brings at most 4 (itself, 2 metadata, a session).
                if (inBatch > 21) {
                    Map<String, List<WriteRequest>> full = batch;
                    writes.add(writers.submit(() -> write(dynamoDb, full)));
                    batch = new LinkedHashMap<>();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                Map<String, List<WriteRequest>> last = batch;
                writes.add(writers.submit(() -> write(dynamoDb, last)));
            }
            seeded.add(new Seeded(merchantId, count, someSession, someOrder));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        writers.shutdown();
        return seeded;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    /** One BatchWriteItem, again for whatever DynamoDB left unprocessed. */
    private static Void write(DynamoDbClient dynamoDb, Map<String, List<WriteRequest>> puts) {
        Map<String, List<WriteRequest>> pending = puts;
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> asked = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(write -> write.requestItems(asked));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
        return null;
    }

    /** A realistic payment: 70% completed, 15% failed, 10% authorized, 5% pending; 10% from a session. */
    private static Transaction transaction(Random random, String merchantId, int index) {
        Instant createdAt = NEWEST.minusMillis((long) (random.nextDouble() * SPAN.toMillis()));
        int roll = random.nextInt(100);
        TransactionStatus status = roll < 70 ? TransactionStatus.COMPLETED : roll < 85 ? TransactionStatus.FAILED
                : roll < 95 ? TransactionStatus.AUTHORIZED : TransactionStatus.PENDING;
        Money amount = Money.of(500 + random.nextInt(100_000), "USD");
        PaymentAmounts amounts = status == TransactionStatus.COMPLETED ? PaymentAmounts.capturedInFull(amount)
                : PaymentAmounts.authorizedOnly(amount);
        PaymentFailure failure = status == TransactionStatus.FAILED
                ? new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "generic_decline") : null;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("order_id", "ord_" + index + "_" + id(random, 6));
        metadata.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Customer " + index);
        customer.put("email", "customer" + index + "@example.com");
        String sessionId = random.nextInt(10) == 0 ? "sess_" + id(random, 24) : null;
        return new Transaction("txn_" + id(random, 24), merchantId, Mode.TEST, status, amounts,
                status == TransactionStatus.AUTHORIZED ? CaptureMethod.MANUAL : CaptureMethod.AUTOMATIC,
                status == TransactionStatus.PENDING ? null : "gw_" + id(random, 24),
                new StoredCard(CardBrand.VISA, "4242", 12, 2030, "fp_" + id(random, 43)),
                status == TransactionStatus.PENDING ? ThreeDSecureStatus.REQUIRED : ThreeDSecureStatus.NOT_REQUIRED,
                failure, new PaymentDetails(customer, metadata, null, null, sessionId),
                new RiskAssessment(random.nextInt(30), List.of(), false), createdAt,
                status == TransactionStatus.PENDING ? null : createdAt.plusMillis(800), 1);
    }

    private static String id(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
        }
        return new String(chars);
    }
}
