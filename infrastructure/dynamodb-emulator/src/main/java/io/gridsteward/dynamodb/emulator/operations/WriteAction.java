package io.gridsteward.dynamodb.emulator.operations;

import io.gridsteward.dynamodb.emulator.expression.Expressions;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.storage.Database;
import io.gridsteward.dynamodb.emulator.storage.ItemChange;
import io.gridsteward.dynamodb.emulator.storage.TableData;
import io.gridsteward.dynamodb.emulator.storage.TableMetadata;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.ItemSize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One conditional write of one item — a PutItem, UpdateItem, DeleteItem, or one action of a transaction or batch —
 * parsed outside the lock and planned against the current item under it.
 */
final class WriteAction {
    enum Kind {
        PUT,
        UPDATE,
        DELETE,
        CONDITION_CHECK
    }

    /** The condition of an action did not hold; {@code current} is the item as it was (null when absent). */
    static final class ConditionFailed extends RuntimeException {
        final Map<String, AttributeValue> current;

        ConditionFailed(Map<String, AttributeValue> current) {
            super("The conditional request failed", null, false, false);
            this.current = current;
        }
    }

    private static final Set<String> ON_FAILURE_CHOICES = Set.of("NONE", "ALL_OLD");

    final Kind kind;
    final String tableName;
    private final Map<String, AttributeValue> keyOrItem;
    private final Optional<Expressions.Condition> condition;
    private final Optional<Expressions.Update> update;
    final String returnValuesOnConditionCheckFailure;

    private WriteAction(
            Kind kind,
            String tableName,
            Map<String, AttributeValue> keyOrItem,
            Optional<Expressions.Condition> condition,
            Optional<Expressions.Update> update,
            String returnValuesOnConditionCheckFailure) {
        this.kind = kind;
        this.tableName = tableName;
        this.keyOrItem = keyOrItem;
        this.condition = condition;
        this.update = update;
        this.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure;
    }

    static WriteAction parse(Kind kind, Parameters parameters) {
        String tableName = parameters.requiredString("TableName");
        RequestExpressions expressions = new RequestExpressions(parameters);
        Map<String, AttributeValue> keyOrItem = parameters.item(kind == Kind.PUT ? "Item" : "Key");
        if (!parameters.has(kind == Kind.PUT ? "Item" : "Key")) {
            throw ApiException.validation("1 validation error detected: Value null at '"
                    + (kind == Kind.PUT ? "item" : "key") + "' failed to satisfy constraint: Member must not be null");
        }
        Optional<String> conditionText = parameters.string("ConditionExpression");
        if (kind == Kind.CONDITION_CHECK && conditionText.isEmpty()) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        LegacyParameters.requireNotMixed(parameters);
        Optional<Expressions.Condition> condition = conditionText.isPresent()
                ? expressions.condition(conditionText, "ConditionExpression")
                : LegacyParameters.condition(parameters, "Expected");
        Optional<Expressions.Update> update = kind != Kind.UPDATE
                ? Optional.empty()
                : parameters.has("UpdateExpression")
                        ? expressions.update(parameters.string("UpdateExpression"))
                        : LegacyParameters.attributeUpdates(parameters);
        expressions.finish();
        String onFailure = parameters.choice("ReturnValuesOnConditionCheckFailure", "NONE", ON_FAILURE_CHOICES);
        return new WriteAction(kind, tableName, keyOrItem, condition, update, onFailure);
    }

    Set<String> updatedAttributes() {
        return update.map(Expressions.Update::touchedAttributes).orElse(Set.of());
    }

    /** The attributes (or nested fragments) the update wrote, as found in {@code item}: UPDATED_OLD and UPDATED_NEW. */
    Map<String, AttributeValue> updatedFragments(Map<String, AttributeValue> item) {
        if (item == null || update.isEmpty()) {
            return Map.of();
        }
        return update.get().touchedPaths().project(item);
    }

    /** The size of the item (or key) the action carries, by the item-size rule. */
    long itemBytes() {
        return ItemSize.of(keyOrItem);
    }

    /** The primary key of the item the action writes, checked against the table's schema. */
    Map<String, AttributeValue> key(TableMetadata table) {
        if (kind == Kind.PUT) {
            ItemRules.checkItem(table, keyOrItem);
            return table.keyOf(keyOrItem);
        }
        ItemRules.checkKey(table, keyOrItem);
        return keyOrItem;
    }

    /** Checks the condition against the current item and works out the change; the caller holds the write lock. */
    ItemChange plan(Database database) {
        TableData table = database.table(tableName);
        TableMetadata definition = table.definition();
        Map<String, AttributeValue> key = key(definition);
        Map<String, AttributeValue> current = table.get(key);
        if (condition.isPresent() && !condition.get().test(current == null ? Map.of() : current)) {
            throw new ConditionFailed(current);
        }
        Map<String, AttributeValue> next = switch (kind) {
            case PUT -> keyOrItem;
            case DELETE -> null;
            case CONDITION_CHECK -> current;
            case UPDATE -> {
                for (String attribute : updatedAttributes()) {
                    if (definition.isKeyAttribute(attribute)) {
                        throw ApiException.validation(
                                "One or more parameter values were invalid: Cannot update attribute " + attribute
                                        + ". This attribute is part of the key");
                    }
                }
                Map<String, AttributeValue> base = current == null ? key : current;
                Map<String, AttributeValue> updated = Collections.unmodifiableMap(new LinkedHashMap<>(
                        update.map(expression -> expression.apply(base)).orElse(base)));
                if (current == null && update.isPresent() && updated.equals(key)) {
                    // An update that only removes creates no item where there was none.
                    yield null;
                }
                ItemRules.checkItem(definition, updated);
                yield updated;
            }
        };
        return new ItemChange(tableName, key, current, next);
    }
}
