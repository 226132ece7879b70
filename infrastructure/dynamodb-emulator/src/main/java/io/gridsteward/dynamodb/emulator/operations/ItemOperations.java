package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
public final class ItemOperations {
    private static final Set<String> COMMON = Set.of(
            "TableName",
            "ConditionExpression",
            "ExpressionAttributeNames",
            "ExpressionAttributeValues",
            "ReturnValues",
            "ReturnValuesOnConditionCheckFailure",
            "ReturnConsumedCapacity",
            "ReturnItemCollectionMetrics",
            "Expected",
            "ConditionalOperator");

    private static final Set<String> PUT_MEMBERS = Parameters.names(COMMON, "Item");
    private static final Set<String> DELETE_MEMBERS = Parameters.names(COMMON, "Key");
    private static final Set<String> UPDATE_MEMBERS =
            Parameters.names(COMMON, "Key", "UpdateExpression", "AttributeUpdates");

    private final Database database;

    public ItemOperations(Database database) {
        this.database = database;
    }

    public ObjectNode putItem(JsonNode request) {
        Parameters parameters = Parameters.of(request, "PutItem", PUT_MEMBERS);
        String returnValues = parameters.choice(
                "ReturnValues", "NONE", Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return write(WriteAction.Kind.PUT, parameters, returnValues);
    }

    public ObjectNode deleteItem(JsonNode request) {
        Parameters parameters = Parameters.of(request, "DeleteItem", DELETE_MEMBERS);
        String returnValues = parameters.choice(
                "ReturnValues", "NONE", Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return write(WriteAction.Kind.DELETE, parameters, returnValues);
    }

    public ObjectNode updateItem(JsonNode request) {
        Parameters parameters = Parameters.of(request, "UpdateItem", UPDATE_MEMBERS);
        String returnValues = parameters.choice(
                "ReturnValues", "NONE", Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        return write(WriteAction.Kind.UPDATE, parameters, returnValues);
    }

    private ObjectNode write(WriteAction.Kind kind, Parameters parameters, String returnValues) {
        Capacity.check(parameters);
        WriteAction action = WriteAction.parse(kind, parameters);
        ItemChange change = database.write(() -> {
            try {
                ItemChange planned = action.plan(database);
                database.commit(List.of(planned), false);
                return planned;
            } catch (WriteAction.ConditionFailed failed) {
                throw conditionalCheckFailed(action.returnValuesOnConditionCheckFailure, failed.current);
            }
        });
        ObjectNode response = Json.object();
        Map<String, AttributeValue> attributes = switch (returnValues) {
            case "ALL_OLD" -> change.oldItem();
            case "ALL_NEW" -> change.newItem();
            case "UPDATED_OLD" -> action.updatedFragments(change.oldItem());
            case "UPDATED_NEW" -> action.updatedFragments(change.newItem());
            default -> null;
        };
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", ItemCodec.encodeItem(attributes));
        }
        Capacity.write(parameters, response, action.tableName, change);
        return response;
    }

    static ApiException conditionalCheckFailed(String returnValuesOnFailure, Map<String, AttributeValue> current) {
        ObjectNode extra = null;
        if (returnValuesOnFailure.equals("ALL_OLD") && current != null) {
            extra = Json.object();
            extra.set("Item", ItemCodec.encodeItem(current));
        }
        return ApiException.clientError("ConditionalCheckFailedException", "The conditional request failed", extra);
    }

    public ObjectNode getItem(JsonNode request) {
        Parameters parameters = Parameters.of(
                request,
                "GetItem",
                Set.of(
                        "TableName",
                        "Key",
                        "ConsistentRead",
                        "ProjectionExpression",
                        "ExpressionAttributeNames",
                        "ReturnConsumedCapacity",
                        "AttributesToGet"));
        Capacity.check(parameters);
        String tableName = parameters.requiredString("TableName");
        if (!parameters.has("Key")) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
        }
        Map<String, AttributeValue> key = parameters.item("Key");
        parameters.bool("ConsistentRead");
        RequestExpressions expressions = new RequestExpressions(parameters);
        LegacyParameters.requireNotMixed(parameters);
        Optional<Expressions.Projection> projection = parameters.has("ProjectionExpression")
                ? expressions.projection(parameters.string("ProjectionExpression"))
                : LegacyParameters.attributesToGet(parameters);
        expressions.finish();
        Map<String, AttributeValue> item = database.read(() -> {
            TableData table = database.table(tableName);
            ItemRules.checkKey(table.definition(), key);
            return table.get(key);
        });
        ObjectNode response = Json.object();
        if (item != null) {
            response.set(
                    "Item",
                    ItemCodec.encodeItem(projection
                            .map(expression -> expression.project(item))
                            .orElse(item)));
        }
        Capacity.read(
                parameters,
                response,
                tableName,
                item == null ? 0 : ItemSize.of(item),
                parameters.bool("ConsistentRead").orElse(false));
        return response;
    }
}
