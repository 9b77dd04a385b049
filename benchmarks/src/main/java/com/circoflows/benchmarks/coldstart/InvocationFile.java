package com.circoflows.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The event a cold-start probe invokes its handler with, as a properties file. The probe must not
 * parse JSON: Lambda's runtime deserialises events with its own shaded Jackson, so a probe that used
 * ours would warm the very classes whose loading the first invocation is meant to include.
 */
final class InvocationFile {
    static final String KIND = "kind";
    static final String HTTP = "http";
    static final String SQS = "sqs";
    static final String SCHEDULED = "scheduled";

    private InvocationFile() {
    }

    static void write(Path file, Object event) throws IOException {
        Properties properties = new Properties();
        if (event instanceof APIGatewayV2HTTPEvent http) {
            writeHttp(properties, http);
        } else if (event instanceof SQSEvent sqs) {
            writeSqs(properties, sqs);
        } else if (event instanceof ScheduledEvent scheduled) {
            properties.setProperty(KIND, SCHEDULED);
            properties.setProperty("id", scheduled.getId());
            properties.setProperty("source", scheduled.getSource());
            properties.setProperty("detailType", scheduled.getDetailType());
            properties.setProperty("account", scheduled.getAccount());
            properties.setProperty("region", scheduled.getRegion());
        } else {
            throw new IllegalArgumentException("no invocation file for " + event.getClass().getName());
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
    }

    private static void writeHttp(Properties properties, APIGatewayV2HTTPEvent event) {
        properties.setProperty(KIND, HTTP);
        properties.setProperty("routeKey", event.getRouteKey());
        properties.setProperty("rawPath", event.getRawPath());
        properties.setProperty("rawQueryString", nullToEmpty(event.getRawQueryString()));
        properties.setProperty("body", nullToEmpty(event.getBody()));
        properties.setProperty("isBase64Encoded", Boolean.toString(event.getIsBase64Encoded()));
        var context = event.getRequestContext();
        properties.setProperty("requestId", context.getRequestId());
        properties.setProperty("method", context.getHttp().getMethod());
        properties.setProperty("path", context.getHttp().getPath());
        properties.setProperty("sourceIp", context.getHttp().getSourceIp());
        prefixed(properties, "header.", event.getHeaders());
        prefixed(properties, "pathParameter.", event.getPathParameters());
        prefixed(properties, "query.", event.getQueryStringParameters());
        prefixed(properties, "cookie.", indexed(event.getCookies()));
    }

    private static void writeSqs(Properties properties, SQSEvent event) {
        properties.setProperty(KIND, SQS);
        List<SQSEvent.SQSMessage> records = event.getRecords();
        properties.setProperty("records", Integer.toString(records.size()));
        for (int i = 0; i < records.size(); i++) {
            SQSEvent.SQSMessage record = records.get(i);
            String prefix = "record." + i + ".";
            properties.setProperty(prefix + "messageId", record.getMessageId());
            properties.setProperty(prefix + "receiptHandle", record.getReceiptHandle());
            properties.setProperty(prefix + "body", record.getBody());
            properties.setProperty(prefix + "md5OfBody", nullToEmpty(record.getMd5OfBody()));
            properties.setProperty(prefix + "eventSource", record.getEventSource());
            properties.setProperty(prefix + "eventSourceArn", record.getEventSourceArn());
            properties.setProperty(prefix + "awsRegion", record.getAwsRegion());
            prefixed(properties, prefix + "attribute.", record.getAttributes());
        }
    }

    /** The event again, built with the events library only (no JSON), in the probe's JVM. */
    static Object read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return switch (properties.getProperty(KIND)) {
            case HTTP -> readHttp(properties);
            case SQS -> readSqs(properties);
            case SCHEDULED -> readScheduled(properties);
            default -> throw new IllegalArgumentException("unknown invocation kind in " + file);
        };
    }

    private static APIGatewayV2HTTPEvent readHttp(Properties properties) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(properties.getProperty("method"))
                .withPath(properties.getProperty("path"))
                .withProtocol("HTTP/1.1")
                .withSourceIp(properties.getProperty("sourceIp"))
                .withUserAgent("cold-start-probe")
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(properties.getProperty("requestId"))
                .withRouteKey(properties.getProperty("routeKey"))
                .withStage("$default")
                .withHttp(http)
                .build();
        Map<String, String> cookies = withPrefix(properties, "cookie.");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(properties.getProperty("routeKey"))
                .withRawPath(properties.getProperty("rawPath"))
                .withRawQueryString(properties.getProperty("rawQueryString"))
                .withHeaders(withPrefix(properties, "header."))
                .withPathParameters(emptyToNull(withPrefix(properties, "pathParameter.")))
                .withQueryStringParameters(emptyToNull(withPrefix(properties, "query.")))
                .withCookies(cookies.isEmpty() ? null : new ArrayList<>(cookies.values()))
                .withBody(emptyToNull(properties.getProperty("body")))
                .withIsBase64Encoded(Boolean.parseBoolean(properties.getProperty("isBase64Encoded")))
                .withRequestContext(context)
                .build();
    }

    private static SQSEvent readSqs(Properties properties) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        int count = Integer.parseInt(properties.getProperty("records"));
        for (int i = 0; i < count; i++) {
            String prefix = "record." + i + ".";
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(properties.getProperty(prefix + "messageId"));
            record.setReceiptHandle(properties.getProperty(prefix + "receiptHandle"));
            record.setBody(properties.getProperty(prefix + "body"));
            record.setMd5OfBody(properties.getProperty(prefix + "md5OfBody"));
            record.setEventSource(properties.getProperty(prefix + "eventSource"));
            record.setEventSourceArn(properties.getProperty(prefix + "eventSourceArn"));
            record.setAwsRegion(properties.getProperty(prefix + "awsRegion"));
            record.setAttributes(withPrefix(properties, prefix + "attribute."));
            record.setMessageAttributes(new LinkedHashMap<>());
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static ScheduledEvent readScheduled(Properties properties) {
        ScheduledEvent event = new ScheduledEvent();
        event.setId(properties.getProperty("id"));
        event.setSource(properties.getProperty("source"));
        event.setDetailType(properties.getProperty("detailType"));
        event.setAccount(properties.getProperty("account"));
        event.setRegion(properties.getProperty("region"));
        event.setDetail(new LinkedHashMap<>());
        return event;
    }

    private static void prefixed(Properties properties, String prefix, Map<String, String> values) {
        if (values != null) {
            values.forEach((name, value) -> properties.setProperty(prefix + name, value));
        }
    }

    private static Map<String, String> indexed(List<String> values) {
        Map<String, String> indexed = new LinkedHashMap<>();
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                indexed.put(String.format("%03d", i), values.get(i));
            }
        }
        return indexed;
    }

    private static Map<String, String> withPrefix(Properties properties, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith(prefix)).sorted()
                .forEach(name -> values.put(name.substring(prefix.length()), properties.getProperty(name)));
        return values;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Map<String, String> emptyToNull(Map<String, String> values) {
        return values.isEmpty() ? null : values;
    }
}
