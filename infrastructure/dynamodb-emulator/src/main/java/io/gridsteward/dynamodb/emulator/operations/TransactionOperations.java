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
import io.gridsteward.dynamodb.emulator.wire.JsonText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. A write transaction checks every condition and applies every change under
 * the database's write lock, so it is all-or-nothing and never conflicts with another (TransactionConflictException
 * does not occur). A ClientRequestToken makes it idempotent for ten minutes.
 */
public final class TransactionOperations {
    /** The service's limit on the items of one transaction together. */
    private static final long MAXIMUM_TRANSACTION_BYTES = 4L * 1024 * 1024;

    private static final int MAXIMUM_ACTIONS = 100;
    private static final long IDEMPOTENCY_MILLIS = 10 * 60 * 1000;
    private static final Set<String> ACTION_COMMON = Set.of(
            "TableName",
            "ConditionExpression",
            "ExpressionAttributeNames",
            "ExpressionAttributeValues",
            "ReturnValuesOnConditionCheckFailure");

    private static final Set<String> CHECK_MEMBERS = Parameters.names(ACTION_COMMON, "Key");
    private static final Set<String> PUT_MEMBERS = Parameters.names(ACTION_COMMON, "Item");
    private static final Set<String> UPDATE_MEMBERS = Parameters.names(ACTION_COMMON, "Key", "UpdateExpression");
    private static final Set<String> DELETE_MEMBERS = Parameters.names(ACTION_COMMON, "Key");

    private final Database database;
    /** In the order of completion, so that expired tokens are always at the head. */
    private final LinkedHashMap<String, Completed> completedByToken = new LinkedHashMap<>();

    private record Completed(String fingerprint, long atMillis, ObjectNode response) {}

    public TransactionOperations(Database database) {
        this.database = database;
    }

    public ObjectNode transactWriteItems(JsonNode request) {
        Parameters parameters = Parameters.of(
                request,
                "TransactWriteItems",
                Set.of("TransactItems", "ClientRequestToken", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics"));
        Capacity.check(parameters);
        JsonNode items = transactItems(parameters);
        Optional<String> token = parameters.string("ClientRequestToken");
        if (token.isPresent() && (token.get().isEmpty() || token.get().length() > 36)) {
            throw ApiException.validation(
                    "1 validation error detected: Value '" + token.get()
                            + "' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36");
        }
        List<WriteAction> actions = new ArrayList<>();
        for (JsonNode item : items) {
            Parameters action =
                    Parameters.of(item, "TransactWriteItem", Set.of("ConditionCheck", "Put", "Update", "Delete"));
            if (item.size() != 1) {
                throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            if (action.has("ConditionCheck")) {
                actions.add(WriteAction.parse(
                        WriteAction.Kind.CONDITION_CHECK, action.object("ConditionCheck", CHECK_MEMBERS)));
            } else if (action.has("Put")) {
                actions.add(WriteAction.parse(WriteAction.Kind.PUT, action.object("Put", PUT_MEMBERS)));
            } else if (action.has("Update")) {
                actions.add(WriteAction.parse(WriteAction.Kind.UPDATE, action.object("Update", UPDATE_MEMBERS)));
            } else {
                actions.add(WriteAction.parse(WriteAction.Kind.DELETE, action.object("Delete", DELETE_MEMBERS)));
            }
        }
        String fingerprint = fingerprint(request);
        return database.write(() -> {
            long now = database.nowMillis();
            Iterator<Completed> oldest = completedByToken.values().iterator();
            while (oldest.hasNext() && now - oldest.next().atMillis() > IDEMPOTENCY_MILLIS) {
                oldest.remove();
            }
            if (token.isPresent()) {
                Completed previous = completedByToken.get(token.get());
                if (previous != null) {
                    if (!previous.fingerprint().equals(fingerprint)) {
                        throw ApiException.clientError(
                                "IdempotentParameterMismatchException",
                                "Request parameters do not match those of a previous request with the same ClientRequestToken");
                    }
                    return previous.response().deepCopy();
                }
            }
            Set<List<Object>> seen = new HashSet<>();
            long requestBytes = 0;
            for (WriteAction action : actions) {
                TableData table = database.table(action.tableName);
                requestBytes += action.itemBytes();
                Map<String, AttributeValue> key;
                try {
                    key = action.key(table.definition());
                } catch (ApiException invalid) {
                    // An action whose key or item breaks the schema cancels the transaction with a ValidationError,
                    // below.
                    continue;
                }
                if (!seen.add(List.of(action.tableName, key))) {
                    throw ApiException.validation("Transaction request cannot include multiple operations on one item");
                }
            }
            if (requestBytes > MAXIMUM_TRANSACTION_BYTES) {
                throw ApiException.validation(
                        "Transaction request cannot exceed 4 MB: the aggregate item size cannot exceed 4194304 bytes");
            }
            List<ItemChange> changes = new ArrayList<>();
            ArrayNode reasons = Json.NODES.arrayNode();
            List<String> codes = new ArrayList<>();
            boolean cancelled = false;
            for (WriteAction action : actions) {
                ObjectNode reason = reasons.addObject();
                try {
                    changes.add(action.plan(database));
                    reason.put("Code", "None");
                    codes.add("None");
                } catch (WriteAction.ConditionFailed failed) {
                    cancelled = true;
                    reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                    if (action.returnValuesOnConditionCheckFailure.equals("ALL_OLD") && failed.current != null) {
                        reason.set("Item", ItemCodec.encodeItem(failed.current));
                    }
                    codes.add("ConditionalCheckFailed");
                } catch (ApiException invalid) {
                    if (!invalid.type().equals("ValidationException")) {
                        throw invalid;
                    }
                    cancelled = true;
                    reason.put("Code", "ValidationError").put("Message", invalid.getMessage());
                    codes.add("ValidationError");
                }
            }
            if (cancelled) {
                ObjectNode extra = Json.object();
                extra.set("CancellationReasons", reasons);
                throw ApiException.clientError(
                        "TransactionCanceledException",
                        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                        extra);
            }
            database.commit(changes, false);
            ObjectNode response = Json.object();
            if (!parameters
                    .choice("ReturnConsumedCapacity", "NONE", Set.of("NONE", "TOTAL", "INDEXES"))
                    .equals("NONE")) {
                ArrayNode consumed = response.putArray("ConsumedCapacity");
                Map<String, Double> units = new LinkedHashMap<>();
                for (ItemChange change : changes) {
                    // A transactional write costs two units per kilobyte.
                    units.merge(change.tableName(), 2 * Capacity.writeUnits(change), Double::sum);
                }
                units.forEach((table, capacity) ->
                        consumed.addObject().put("TableName", table).put("CapacityUnits", capacity));
            }
            token.ifPresent(value -> completedByToken.put(value, new Completed(fingerprint, now, response.deepCopy())));
            return response;
        });
    }

    public ObjectNode transactGetItems(JsonNode request) {
        Parameters parameters =
                Parameters.of(request, "TransactGetItems", Set.of("TransactItems", "ReturnConsumedCapacity"));
        Capacity.check(parameters);
        JsonNode items = transactItems(parameters);
        record Get(String tableName, Map<String, AttributeValue> key, Optional<Expressions.Projection> projection) {}
        List<Get> gets = new ArrayList<>();
        for (JsonNode item : items) {
            Parameters get = Parameters.of(item, "TransactGetItem", Set.of("Get"))
                    .object("Get", Set.of("TableName", "Key", "ProjectionExpression", "ExpressionAttributeNames"));
            if (get == null) {
                throw ApiException.validation(
                        "1 validation error detected: Value null at 'transactItems.member.get' failed to satisfy constraint: Member must not be null");
            }
            RequestExpressions expressions = new RequestExpressions(get);
            Optional<Expressions.Projection> projection = expressions.projection(get.string("ProjectionExpression"));
            expressions.finish();
            gets.add(new Get(get.requiredString("TableName"), get.item("Key"), projection));
        }
        return database.read(() -> {
            Set<List<Object>> seen = new HashSet<>();
            ObjectNode response = Json.object();
            ArrayNode responses = response.putArray("Responses");
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (Get get : gets) {
                TableData table = database.table(get.tableName());
                ItemRules.checkKey(table.definition(), get.key());
                if (!seen.add(List.of(get.tableName(), get.key()))) {
                    throw ApiException.validation("Transaction request cannot include multiple operations on one item");
                }
                found.add(table.get(get.key()));
            }
            for (int index = 0; index < gets.size(); index++) {
                ObjectNode entry = responses.addObject();
                Map<String, AttributeValue> item = found.get(index);
                if (item != null) {
                    entry.set(
                            "Item",
                            ItemCodec.encodeItem(gets.get(index)
                                    .projection()
                                    .map(projection -> projection.project(item))
                                    .orElse(item)));
                }
            }
            return response;
        });
    }

    private static JsonNode transactItems(Parameters parameters) {
        JsonNode items = parameters.node("TransactItems");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
        }
        if (items.size() > MAXIMUM_ACTIONS) {
            throw ApiException.validation(
                    "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
        }
        return items;
    }

    /** The request without its token: a retry with the same token must carry the same fingerprint. */
    private static String fingerprint(JsonNode request) {
        ObjectNode copy = ((ObjectNode) request).deepCopy();
        copy.remove("ClientRequestToken");
        return JsonText.text(copy);
    }
}
