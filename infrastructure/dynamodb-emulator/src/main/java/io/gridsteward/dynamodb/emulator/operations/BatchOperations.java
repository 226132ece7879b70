package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.expression.Expressions;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.storage.Database;
import io.gridsteward.dynamodb.emulator.storage.ItemChange;
import io.gridsteward.dynamodb.emulator.storage.TableData;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.ItemCodec;
import io.gridsteward.dynamodb.emulator.wire.ItemSize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** BatchGetItem (at most 100 keys) and BatchWriteItem (at most 25 requests); every request is processed, none left over. */
public final class BatchOperations {
    private final Database database;

    public BatchOperations(Database database) {
        this.database = database;
    }

    private record TableKeys(
            String tableName,
            List<Map<String, AttributeValue>> keys,
            Optional<Expressions.Projection> projection,
            boolean consistent) {}

    public ObjectNode batchGetItem(JsonNode request) {
        Parameters parameters =
                Parameters.of(request, "BatchGetItem", Set.of("RequestItems", "ReturnConsumedCapacity"));
        Capacity.check(parameters);
        JsonNode requestItems = requestItems(parameters);
        List<TableKeys> tables = new ArrayList<>();
        int total = 0;
        Iterator<Map.Entry<String, JsonNode>> entries = requestItems.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            Parameters table = Parameters.of(
                    entry.getValue(),
                    "BatchGetItem " + entry.getKey(),
                    Set.of(
                            "Keys",
                            "ProjectionExpression",
                            "ExpressionAttributeNames",
                            "ConsistentRead",
                            "AttributesToGet"));
            table.bool("ConsistentRead");
            JsonNode keyNodes = table.node("Keys");
            if (keyNodes == null || !keyNodes.isArray() || keyNodes.isEmpty()) {
                throw ApiException.validation(
                        "1 validation error detected: Value at 'requestItems." + entry.getKey()
                                + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode keyNode : keyNodes) {
                Map<String, AttributeValue> key = ItemCodec.decodeItem(keyNode);
                if (!seen.add(key)) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            total += keys.size();
            RequestExpressions expressions = new RequestExpressions(table);
            LegacyParameters.requireNotMixed(table);
            Optional<Expressions.Projection> projection = table.has("ProjectionExpression")
                    ? expressions.projection(table.string("ProjectionExpression"))
                    : LegacyParameters.attributesToGet(table);
            expressions.finish();
            tables.add(new TableKeys(
                    entry.getKey(),
                    keys,
                    projection,
                    table.bool("ConsistentRead").orElse(false)));
        }
        if (total > 100) {
            throw ApiException.validation("Too many items requested for the BatchGetItem call");
        }
        return database.read(() -> {
            ObjectNode response = Json.object();
            ObjectNode responses = response.putObject("Responses");
            Map<String, Double> units = new java.util.LinkedHashMap<>();
            for (TableKeys table : tables) {
                TableData data = database.table(table.tableName());
                ArrayNode items = responses.putArray(table.tableName());
                for (Map<String, AttributeValue> key : table.keys()) {
                    ItemRules.checkKey(data.definition(), key);
                    Map<String, AttributeValue> item = data.get(key);
                    units.merge(
                            table.tableName(),
                            Capacity.readUnits(item == null ? 0 : ItemSize.of(item), table.consistent()),
                            Double::sum);
                    if (item != null) {
                        items.add(ItemCodec.encodeItem(table.projection()
                                .map(projection -> projection.project(item))
                                .orElse(item)));
                    }
                }
            }
            response.putObject("UnprocessedKeys");
            Capacity.batch(parameters, response, units);
            return response;
        });
    }

    private record BatchWrite(String tableName, boolean put, Map<String, AttributeValue> itemOrKey) {}

    public ObjectNode batchWriteItem(JsonNode request) {
        Parameters parameters = Parameters.of(
                request,
                "BatchWriteItem",
                Set.of("RequestItems", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics"));
        Capacity.check(parameters);
        JsonNode requestItems = requestItems(parameters);
        List<BatchWrite> writes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = requestItems.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isArray() || entry.getValue().isEmpty()) {
                throw ApiException.validation(
                        "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            for (JsonNode writeNode : entry.getValue()) {
                Parameters write = Parameters.of(writeNode, "WriteRequest", Set.of("PutRequest", "DeleteRequest"));
                if (write.has("PutRequest") == write.has("DeleteRequest")) {
                    throw ApiException.validation(
                            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of PutRequest or DeleteRequest");
                }
                if (write.has("PutRequest")) {
                    Parameters put = write.object("PutRequest", Set.of("Item"));
                    writes.add(new BatchWrite(entry.getKey(), true, put.item("Item")));
                } else {
                    Parameters delete = write.object("DeleteRequest", Set.of("Key"));
                    writes.add(new BatchWrite(entry.getKey(), false, delete.item("Key")));
                }
            }
        }
        if (writes.size() > 25) {
            throw ApiException.validation(
                    "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
        }
        return database.write(() -> {
            List<ItemChange> changes = new ArrayList<>();
            Set<List<Object>> seen = new HashSet<>();
            for (BatchWrite write : writes) {
                TableData table = database.table(write.tableName());
                Map<String, AttributeValue> key;
                if (write.put()) {
                    ItemRules.checkItem(table.definition(), write.itemOrKey());
                    key = table.definition().keyOf(write.itemOrKey());
                } else {
                    ItemRules.checkKey(table.definition(), write.itemOrKey());
                    key = write.itemOrKey();
                }
                if (!seen.add(List.of(write.tableName(), key))) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
                changes.add(
                        new ItemChange(write.tableName(), key, table.get(key), write.put() ? write.itemOrKey() : null));
            }
            database.commit(changes, false);
            ObjectNode response = Json.object();
            response.putObject("UnprocessedItems");
            Map<String, Double> units = new java.util.LinkedHashMap<>();
            changes.forEach(change -> units.merge(change.tableName(), Capacity.writeUnits(change), Double::sum));
            Capacity.batch(parameters, response, units);
            return response;
        });
    }

    private static JsonNode requestItems(Parameters parameters) {
        JsonNode requestItems = parameters.node("RequestItems");
        if (requestItems == null || !requestItems.isObject() || requestItems.isEmpty()) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }
        return requestItems;
    }
}
