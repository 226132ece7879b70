package io.gridsteward.dynamodb.emulator.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.stream.StreamMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Table definitions and stream metadata in the durable log and snapshot. */
final class DefinitionCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DefinitionCodec() {}

    static ObjectNode toJson(TableMetadata definition) {
        ObjectNode node = NODES.objectNode()
                .put("name", definition.name())
                .put("tableId", definition.tableId())
                .put("createdAtMillis", definition.createdAtMillis())
                .put("hashKey", definition.hashKey())
                .put("rangeKey", definition.rangeKey())
                .put("billingMode", definition.billingMode())
                .put("readCapacity", definition.readCapacity())
                .put("writeCapacity", definition.writeCapacity())
                .put("streamViewType", definition.streamViewType())
                .put("latestStreamArn", definition.latestStreamArn())
                .put("latestStreamLabel", definition.latestStreamLabel())
                .put("ttlAttribute", definition.ttlAttribute())
                .put("ttlEnabled", definition.ttlEnabled());
        ObjectNode tags = node.putObject("tags");
        definition.tags().forEach(tags::put);
        ObjectNode types = node.putObject("attributeTypes");
        definition.attributeTypes().forEach(types::put);
        ArrayNode indexes = node.putArray("indexes");
        for (IndexDefinition index : definition.indexes()) {
            ObjectNode indexNode = indexes.addObject()
                    .put("name", index.name())
                    .put("global", index.global())
                    .put("hashKey", index.hashKey())
                    .put("rangeKey", index.rangeKey())
                    .put("projectionType", index.projectionType())
                    .put("readCapacity", index.readCapacity())
                    .put("writeCapacity", index.writeCapacity());
            ArrayNode nonKey = indexNode.putArray("nonKeyAttributes");
            index.nonKeyAttributes().forEach(nonKey::add);
        }
        return node;
    }

    static TableMetadata tableFromJson(JsonNode node) {
        Map<String, String> types = new LinkedHashMap<>();
        node.get("attributeTypes")
                .fields()
                .forEachRemaining(
                        entry -> types.put(entry.getKey(), entry.getValue().asText()));
        List<IndexDefinition> indexes = new ArrayList<>();
        for (JsonNode index : node.get("indexes")) {
            List<String> nonKey = new ArrayList<>();
            index.get("nonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asText()));
            indexes.add(new IndexDefinition(
                    index.get("name").asText(),
                    index.get("global").asBoolean(),
                    index.get("hashKey").asText(),
                    text(index, "rangeKey"),
                    index.get("projectionType").asText(),
                    nonKey,
                    number(index, "readCapacity"),
                    number(index, "writeCapacity")));
        }
        return new TableMetadata(
                node.get("name").asText(),
                node.get("tableId").asText(),
                node.get("createdAtMillis").asLong(),
                types,
                node.get("hashKey").asText(),
                text(node, "rangeKey"),
                indexes,
                node.get("billingMode").asText(),
                node.get("readCapacity").asLong(),
                node.get("writeCapacity").asLong(),
                text(node, "streamViewType"),
                text(node, "latestStreamArn"),
                text(node, "latestStreamLabel"),
                text(node, "ttlAttribute"),
                node.get("ttlEnabled").asBoolean(),
                tags(node.get("tags")));
    }

    static ObjectNode toJson(StreamMetadata metadata) {
        return NODES.objectNode()
                .put("arn", metadata.arn())
                .put("label", metadata.label())
                .put("tableName", metadata.tableName())
                .put("viewType", metadata.viewType())
                .put("hashKey", metadata.hashKey())
                .put("rangeKey", metadata.rangeKey())
                .put("createdAtMillis", metadata.createdAtMillis())
                .put("startingSequence", metadata.startingSequence())
                .put("enabled", metadata.enabled())
                .put("closingSequence", metadata.closingSequence());
    }

    static StreamMetadata streamFromJson(JsonNode node) {
        return new StreamMetadata(
                node.get("arn").asText(),
                node.get("label").asText(),
                node.get("tableName").asText(),
                node.get("viewType").asText(),
                node.get("hashKey").asText(),
                text(node, "rangeKey"),
                node.get("createdAtMillis").asLong(),
                node.get("startingSequence").asLong(),
                node.get("enabled").asBoolean(),
                node.get("closingSequence").asLong());
    }

    /** Definitions written before tags existed have none. */
    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (node != null) {
            node.fields()
                    .forEachRemaining(
                            entry -> tags.put(entry.getKey(), entry.getValue().asText()));
        }
        return tags;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
