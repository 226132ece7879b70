package io.gridsteward.dynamodb.emulator.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.storage.Regions;
import io.gridsteward.dynamodb.emulator.wire.ItemCodec;

/** Stream records in the durable log and on the wire of GetRecords. */
public final class StreamRecordCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamRecordCodec() {}

    public static ObjectNode toStorage(String streamArn, StreamRecord record) {
        ObjectNode node = NODES.objectNode()
                .put("stream", streamArn)
                .put("sequence", record.sequence())
                .put("eventId", record.eventId())
                .put("eventName", record.eventName())
                .put("createdAt", record.createdAtMillis())
                .put("size", record.sizeBytes())
                .put("viewType", record.viewType())
                .put("ttl", record.byTimeToLive());
        node.set("keys", ItemCodec.encodeItem(record.keys()));
        if (record.oldImage() != null) {
            node.set("old", ItemCodec.encodeItem(record.oldImage()));
        }
        if (record.newImage() != null) {
            node.set("new", ItemCodec.encodeItem(record.newImage()));
        }
        return node;
    }

    public static StreamRecord fromStorage(JsonNode node) {
        return new StreamRecord(
                node.get("sequence").asLong(),
                node.get("eventId").asText(),
                node.get("eventName").asText(),
                node.get("createdAt").asLong(),
                ItemCodec.decodeItem(node.get("keys")),
                node.has("old") ? ItemCodec.decodeItem(node.get("old")) : null,
                node.has("new") ? ItemCodec.decodeItem(node.get("new")) : null,
                node.get("size").asLong(),
                node.get("viewType").asText(),
                node.get("ttl").asBoolean());
    }

    /** The Record shape of GetRecords. */
    public static ObjectNode toWire(StreamRecord record) {
        ObjectNode node = NODES.objectNode()
                .put("eventID", record.eventId())
                .put("eventName", record.eventName())
                .put("eventVersion", "1.1")
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", Regions.REGION);
        ObjectNode body = node.putObject("dynamodb");
        body.put("ApproximateCreationDateTime", record.createdAtMillis() / 1000);
        body.set("Keys", ItemCodec.encodeItem(record.keys()));
        if (record.newImage() != null) {
            body.set("NewImage", ItemCodec.encodeItem(record.newImage()));
        }
        if (record.oldImage() != null) {
            body.set("OldImage", ItemCodec.encodeItem(record.oldImage()));
        }
        body.put("SequenceNumber", record.sequenceNumber());
        body.put("SizeBytes", record.sizeBytes());
        body.put("StreamViewType", record.viewType());
        if (record.byTimeToLive()) {
            node.putObject("userIdentity").put("Type", "Service").put("PrincipalId", "dynamodb.amazonaws.com");
        }
        return node;
    }
}
