package com.circoflows.localrunner.testsupport;

import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.TableDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs a {@link CardDataScanner} over what a local stack kept: every item of every table
 * template.yaml defines, and a captured log. Returns what it read, so a caller can prove the scan
 * saw real data and did not pass on an empty database or log.
 */
public final class StoredCardDataScan {
    private StoredCardDataScan() {
    }

    /** Items scanned per table, by the template's logical id. */
    public static Map<String, Integer> tables(LocalStack stack, CardDataScanner scanner) {
        Map<String, Integer> itemsPerTable = new LinkedHashMap<>();
        for (TableDefinition table : stack.template().tables()) {
            String tableName = stack.resources().tableName(table.logicalId());
            int items = 0;
            for (Map<String, AttributeValue> item : stack.dynamoDbClient()
                    .scanPaginator(scan -> scan.tableName(tableName).consistentRead(true)).items()) {
                items++;
                String location = tableName + "[" + keyOf(item, table) + "]";
                item.forEach((name, value) -> scanner.scanAttribute(location + "." + name, name, value));
            }
            itemsPerTable.put(table.logicalId(), items);
        }
        return itemsPerTable;
    }

    /** Lines scanned, and how many of them are the functions' request logs. */
    public static LogScan log(Path file, CardDataScanner scanner) throws IOException {
        System.out.flush();
        System.err.flush();
        int lines = 0;
        int requestLines = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                if (line.contains("\"event\":\"request\"")) {
                    requestLines++;
                }
                scanner.scanLogLine(file.getFileName() + ":" + lines, line);
            }
        }
        return new LogScan(lines, requestLines);
    }

    public record LogScan(int lines, int requestLines) {
    }

    private static String keyOf(Map<String, AttributeValue> item, TableDefinition table) {
        return Stream.of(table.hashKey(), table.rangeKey())
                .filter(Objects::nonNull)
                .map(key -> key + "=" + (item.get(key) == null ? "?" : describe(item.get(key))))
                .collect(Collectors.joining(","));
    }

    private static String describe(AttributeValue value) {
        return value.s() != null ? value.s() : value.n() != null ? value.n() : value.toString();
    }
}
