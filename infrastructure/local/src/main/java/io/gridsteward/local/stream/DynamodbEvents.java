package io.gridsteward.local.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Builds {@code DynamodbEvent} JSON exactly as Lambda's event-source mapping delivers it: {@code Records[]} with
 * {@code eventID}, {@code eventName}, {@code eventVersion} 1.1, {@code eventSource} aws:dynamodb, {@code awsRegion},
 * {@code dynamodb} (ApproximateCreationDateTime in epoch seconds, Keys, NewImage, OldImage, SequenceNumber,
 * SizeBytes, StreamViewType) and {@code eventSourceARN}; attribute values in DynamoDB's JSON ({"S": ...}).
 */
public final class DynamodbEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DynamodbEvents() {}

    public static StreamRecordJson record(String shardId, Record record, String streamArn, String region) {
        ObjectNode json = JSON.createObjectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", record.awsRegion() == null ? region : record.awsRegion());
        StreamRecord change = record.dynamodb();
        ObjectNode dynamodb = json.putObject("dynamodb");
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put(
                    "ApproximateCreationDateTime",
                    change.approximateCreationDateTime().getEpochSecond());
        }
        putImage(dynamodb, "Keys", change.keys());
        putImage(dynamodb, "NewImage", change.newImage());
        putImage(dynamodb, "OldImage", change.oldImage());
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        if (change.sizeBytes() != null) {
            dynamodb.put("SizeBytes", change.sizeBytes());
        }
        dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        json.put("eventSourceARN", streamArn);
        return new StreamRecordJson(shardId, change.sequenceNumber(), json);
    }

    /** The invocation payload for a batch: {@code {"Records": [...]}}. */
    public static byte[] event(List<StreamRecordJson> batch) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        batch.forEach(record -> records.add(record.json()));
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void putImage(ObjectNode parent, String name, Map<String, AttributeValue> image) {
        if (image == null || image.isEmpty()) {
            return;
        }
        ObjectNode node = parent.putObject(name);
        image.forEach((attribute, value) -> node.set(attribute, attributeValue(value)));
    }

    static ObjectNode attributeValue(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> value.bs().forEach(bytes -> node.withArray("BS").add(base64(bytes)));
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(element -> list.add(attributeValue(element)));
            }
            case M -> {
                ObjectNode map = node.putObject("M");
                value.m().forEach((key, element) -> map.set(key, attributeValue(element)));
            }
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException("an attribute value of unknown type: " + value);
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
