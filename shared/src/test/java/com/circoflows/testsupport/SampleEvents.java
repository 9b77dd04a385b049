package com.circoflows.testsupport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.localstack.SamTemplate;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * The events/ files as Lambda's runtime reads them, the placeholders in them, and the edits tests
 * make to them (a real id, another key, another body) the way API Gateway would deliver the result.
 */
public final class SampleEvents {
    /** The key in every events/ file's Authorization header; see events/README.md. */
    public static final String SAMPLE_KEY = "cf_test_SAMPLEkeyForEvents00ReplaceWithYourOwnTestKey000";
    public static final String SAMPLE_MERCHANT_NAME = "Events Merchant";
    /** Placeholders in the events that tests replace with a real transaction's ids. */
    public static final String SAMPLE_TRANSACTION_ID = "txn_SAMPLEtransactionId00000";
    public static final String SAMPLE_GATEWAY_ID = "gw_SAMPLEgatewayId000000000";
    /** Placeholder session id of the hosted-payment-status/-cancel and payment-page events. */
    public static final String SAMPLE_SESSION_ID = "sess_SAMPLEsessionId000000000";
    /** The handler tests keep off the network: this replaces the samples' webhook URLs (see events/README.md). */
    public static final String LOCAL_WEBHOOK_URL = "http://localhost:9/hook";
    /** Placeholder webhook event id of the webhook-event-* events and of the delivery job samples. */
    public static final String SAMPLE_EVENT_ID = "evt_SAMPLEwebhookEventId0000";
    /** Placeholder key id of api-key-revoke/revoke.json. */
    public static final String SAMPLE_API_KEY_ID = "key_SAMPLEapiKeyId00";
    /** Placeholder credit id of the bank-credit-get, -assign and -return events. */
    public static final String SAMPLE_CREDIT_ID = "bcr_SAMPLEcreditId0000000000";
    /** The merchant id the sample delivery and dead-letter jobs name. */
    public static final String SAMPLE_JOB_MERCHANT_ID = "mch_SAMPLEmerchantId0000";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /**
     * Reads SQS and EventBridge events the way the Lambda Java runtime does: its serializer renames
     * {@code Records}, {@code eventSourceARN} and {@code detail-type} with mixins and parses the joda
     * {@code time}; plain Jackson would silently leave an SQS event without records.
     */
    private static final ObjectMapper LAMBDA_EVENTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(SQSEvent.class, SqsEventNames.class)
            .addMixIn(SQSEvent.SQSMessage.class, SqsMessageNames.class)
            .addMixIn(ScheduledEvent.class, ScheduledEventNames.class)
            .registerModule(new SimpleModule("joda-date-time").addDeserializer(DateTime.class, new JsonDeserializer<>() {
                @Override
                public DateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    return DateTime.parse(parser.getValueAsString());
                }
            }));

    private SampleEvents() {
    }

    /** The repository's events/ folder, next to template.yaml. */
    public static Path eventsDirectory() {
        return SamTemplate.locate().getParent().resolve("events");
    }

    /** Loads events/{@code relativePath}, e.g. {@code "health/ok.json"}, as Lambda's runtime would. */
    public static APIGatewayV2HTTPEvent event(String relativePath) {
        Path file = eventsDirectory().resolve(relativePath);
        try {
            return MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + file, e);
        }
    }

    /** Loads an SQS sample (e.g. {@code "webhook-delivery/job.json"}) as the Lambda Java runtime reads it. */
    public static SQSEvent sqsEvent(String relativePath) {
        return readLambdaEvent(relativePath, SQSEvent.class);
    }

    /** Loads an EventBridge scheduled event sample as the Lambda Java runtime reads it. */
    public static ScheduledEvent scheduledEvent(String relativePath) {
        return readLambdaEvent(relativePath, ScheduledEvent.class);
    }

    private static <T> T readLambdaEvent(String relativePath, Class<T> type) {
        Path file = eventsDirectory().resolve(relativePath);
        try {
            return LAMBDA_EVENTS.readValue(Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + file, e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Replaces the webhook event id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withEventId(APIGatewayV2HTTPEvent event, String eventId) {
        return withPathParameter(event, "event_id", eventId);
    }

    /** Replaces the key id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withKeyId(APIGatewayV2HTTPEvent event, String keyId) {
        return withPathParameter(event, "key_id", keyId);
    }

    /** Replaces the transaction id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withTransactionId(APIGatewayV2HTTPEvent event, String transactionId) {
        return withPathParameter(event, "transaction_id", transactionId);
    }

    /** Replaces the bank credit id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withCreditId(APIGatewayV2HTTPEvent event, String creditId) {
        return withPathParameter(event, "credit_id", creditId);
    }

    /** Replaces the session id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withSessionId(APIGatewayV2HTTPEvent event, String sessionId) {
        return withPathParameter(event, "session_id", sessionId);
    }

    private static APIGatewayV2HTTPEvent withPathParameter(APIGatewayV2HTTPEvent event, String name, String value) {
        String placeholder = event.getPathParameters().get(name);
        Map<String, String> pathParameters = new LinkedHashMap<>(event.getPathParameters());
        pathParameters.put(name, value);
        event.setPathParameters(pathParameters);
        event.setRawPath(event.getRawPath().replace(placeholder, value));
        var http = event.getRequestContext().getHttp();
        http.setPath(http.getPath().replace(placeholder, value));
        return event;
    }

    /** Sets the query string as API Gateway would pass it: raw, and parsed into queryStringParameters. */
    public static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, Map<String, String> parameters) {
        StringBuilder raw = new StringBuilder();
        parameters.forEach((name, value) -> raw.append(raw.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        event.setRawQueryString(raw.toString());
        event.setQueryStringParameters(parameters.isEmpty() ? null : new LinkedHashMap<>(parameters));
        return event;
    }

    public static APIGatewayV2HTTPEvent withApiKey(APIGatewayV2HTTPEvent event, String apiKey) {
        return withHeader(event, "authorization", "Bearer " + apiKey);
    }

    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }

    /** Sets one field of the event's JSON body (e.g. confirm-3ds's gateway_id), keeping the rest. */
    public static APIGatewayV2HTTPEvent withJsonField(APIGatewayV2HTTPEvent event, String field, String value) {
        try {
            ObjectNode body = (ObjectNode) MAPPER.readTree(event.getBody());
            body.put(field, value);
            return withBody(event, MAPPER.writeValueAsString(body), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the body as API Gateway would deliver it, content-length included. */
    public static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body, boolean base64) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        event.setBody(base64 ? Base64.getEncoder().encodeToString(bytes) : body);
        event.setIsBase64Encoded(base64);
        return withHeader(event, "content-length", Integer.toString(bytes.length));
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }

    /** The names the Lambda runtime's SQSEventMixin gives SQSEvent. */
    private abstract static class SqsEventNames {
        @JsonProperty("Records")
        abstract List<SQSEvent.SQSMessage> getRecords();

        @JsonProperty("Records")
        abstract void setRecords(List<SQSEvent.SQSMessage> records);
    }

    private abstract static class SqsMessageNames {
        @JsonProperty("eventSourceARN")
        abstract String getEventSourceArn();

        @JsonProperty("eventSourceARN")
        abstract void setEventSourceArn(String arn);
    }

    /** The name the Lambda runtime's ScheduledEventMixin gives ScheduledEvent.detailType. */
    private abstract static class ScheduledEventNames {
        @JsonProperty("detail-type")
        abstract String getDetailType();

        @JsonProperty("detail-type")
        abstract void setDetailType(String detailType);
    }
}
