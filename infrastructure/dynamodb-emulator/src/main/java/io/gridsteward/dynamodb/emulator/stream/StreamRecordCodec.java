package io.gridsteward.dynamodb.emulator.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.storage.Regions;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.EncodedItem;
import io.gridsteward.dynamodb.emulator.wire.ItemCodec;
import io.gridsteward.dynamodb.emulator.wire.ItemStorageCodec;
import java.io.IOException;
import java.util.Map;

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

    /** Writes a record as {@link #toStorage} shapes it, without building the tree. */
    public static void writeStored(JsonGenerator generator, String streamArn, StreamRecord record) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("stream", streamArn);
        generator.writeNumberField("sequence", record.sequence());
        generator.writeStringField("eventId", record.eventId());
        generator.writeStringField("eventName", record.eventName());
        generator.writeNumberField("createdAt", record.createdAtMillis());
        generator.writeNumberField("size", record.sizeBytes());
        generator.writeStringField("viewType", record.viewType());
        generator.writeBooleanField("ttl", record.byTimeToLive());
        generator.writeFieldName("keys");
        ItemStorageCodec.writeItem(generator, record.keys());
        if (record.oldImage() != null) {
            generator.writeFieldName("old");
            ItemStorageCodec.writeItem(generator, record.oldImage());
        }
        if (record.newImage() != null) {
            generator.writeFieldName("new");
            ItemStorageCodec.writeItem(generator, record.newImage());
        }
        generator.writeEndObject();
    }

    /**
     * Reads the stored record at the parser's current token (START_OBJECT) of a parser reading {@code source} from its
     * first byte, keeping the keys and images as their stored text until something reads them.
     */
    public static StreamRecord readStored(JsonParser parser, byte[] source) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "Expected a stream record object");
        }
        Long sequence = null;
        String eventId = null;
        String eventName = null;
        Long createdAt = null;
        Long size = null;
        String viewType = null;
        Boolean byTimeToLive = null;
        Map<String, AttributeValue> keys = null;
        Map<String, AttributeValue> oldImage = null;
        Map<String, AttributeValue> newImage = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "sequence" -> sequence = parser.getLongValue();
                case "eventId" -> eventId = parser.getText();
                case "eventName" -> eventName = parser.getText();
                case "createdAt" -> createdAt = parser.getLongValue();
                case "size" -> size = parser.getLongValue();
                case "viewType" -> viewType = parser.getText();
                case "ttl" -> byTimeToLive = parser.getBooleanValue();
                case "keys" -> keys = EncodedItem.copyOf(parser, source);
                case "old" -> oldImage = EncodedItem.copyOf(parser, source);
                case "new" -> newImage = EncodedItem.copyOf(parser, source);
                default -> parser.skipChildren();
            }
        }
        if (sequence == null
                || eventId == null
                || eventName == null
                || createdAt == null
                || size == null
                || viewType == null
                || byTimeToLive == null
                || keys == null) {
            throw new JsonParseException(parser, "A stored stream record lacks one of its fields");
        }
        return new StreamRecord(
                sequence, eventId, eventName, createdAt, keys, oldImage, newImage, size, viewType, byTimeToLive);
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
