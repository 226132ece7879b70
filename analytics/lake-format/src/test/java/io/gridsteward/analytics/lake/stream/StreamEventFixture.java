package io.gridsteward.analytics.lake.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's stream-item contract fixture ({@code contracts/ticket-event-stream.json} in grid-steward-store's test
 * jar, whose test checks it holds exactly the items the store writes), read as the records Lambda hands the lake writer.
 */
final class StreamEventFixture {

    static final String RESOURCE = "/contracts/ticket-event-stream.json";

    private StreamEventFixture() {}

    static List<DynamodbStreamRecord> records() {
        try (InputStream input = StreamEventFixture.class.getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException(RESOURCE + " is missing: it comes with grid-steward-store's test jar");
            }
            List<DynamodbStreamRecord> records = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(input).path("Records")) {
                JsonNode change = node.path("dynamodb");
                StreamRecord streamRecord = new StreamRecord();
                streamRecord.setKeys(image(change.path("Keys")));
                streamRecord.setNewImage(image(change.path("NewImage")));
                streamRecord.setSequenceNumber(change.path("SequenceNumber").asText());
                streamRecord.setStreamViewType(
                        StreamViewType.valueOf(change.path("StreamViewType").asText()));
                DynamodbStreamRecord record = new DynamodbStreamRecord();
                record.setEventID(node.path("eventID").asText());
                record.setEventName(node.path("eventName").asText());
                record.setEventSource(node.path("eventSource").asText());
                record.setEventSourceARN(node.path("eventSourceARN").asText());
                record.setDynamodb(streamRecord);
                records.add(record);
            }
            return records;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Map<String, AttributeValue> image(JsonNode image) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        image.properties().forEach(attribute -> attributes.put(attribute.getKey(), value(attribute.getValue())));
        return attributes;
    }

    private static AttributeValue value(JsonNode node) {
        AttributeValue value = new AttributeValue();
        if (node.has("S")) {
            value.setS(node.get("S").asText());
        } else if (node.has("N")) {
            value.setN(node.get("N").asText());
        } else if (node.has("BOOL")) {
            value.setBOOL(node.get("BOOL").asBoolean());
        } else if (node.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            node.get("L").forEach(element -> list.add(value(element)));
            value.setL(list);
        } else {
            throw new IllegalArgumentException("the ticket event contract has no attribute like " + node);
        }
        return value;
    }
}
