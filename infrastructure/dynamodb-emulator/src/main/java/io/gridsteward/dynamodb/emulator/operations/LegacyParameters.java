package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.dynamodb.emulator.expression.Expressions;
import io.gridsteward.dynamodb.emulator.expression.LegacyCondition;
import io.gridsteward.dynamodb.emulator.expression.LegacyUpdate;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.ItemCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters DynamoDB kept from before expressions: Expected, KeyConditions, QueryFilter, ScanFilter,
 * AttributesToGet, AttributeUpdates and ConditionalOperator. A request uses either these or expressions, never both.
 */
final class LegacyParameters {
    private static final List<String> LEGACY = List.of(
            "AttributesToGet",
            "AttributeUpdates",
            "ConditionalOperator",
            "Expected",
            "KeyConditions",
            "QueryFilter",
            "ScanFilter");
    private static final List<String> EXPRESSIONS = List.of(
            "ConditionExpression",
            "FilterExpression",
            "KeyConditionExpression",
            "ProjectionExpression",
            "UpdateExpression");

    private LegacyParameters() {}

    static void requireNotMixed(Parameters parameters) {
        // KeyConditions may go with a FilterExpression or ProjectionExpression; only KeyConditionExpression excludes
        // it.
        boolean keyConditionsOnly = parameters.has("KeyConditions") && !parameters.has("KeyConditionExpression");
        List<String> legacy = LEGACY.stream()
                .filter(parameters::has)
                .filter(name -> !(keyConditionsOnly && name.equals("KeyConditions")))
                .toList();
        List<String> expressions = EXPRESSIONS.stream().filter(parameters::has).toList();
        if (!legacy.isEmpty() && !expressions.isEmpty()) {
            throw ApiException.validation(
                    "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {"
                            + String.join(", ", legacy) + "} Expression parameters: {" + String.join(", ", expressions)
                            + "}");
        }
    }

    /** Expected, or a filter (QueryFilter, ScanFilter), joined by ConditionalOperator; empty when absent or empty. */
    static Optional<Expressions.Condition> condition(Parameters parameters, String member) {
        JsonNode node = parameters.node(member);
        Optional<String> joiner = parameters.string("ConditionalOperator");
        joiner.ifPresent(value -> {
            if (!value.equals("AND") && !value.equals("OR")) {
                throw ApiException.validation(
                        "1 validation error detected: Value '" + value
                                + "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [AND, OR]");
            }
        });
        if (node == null || node.isEmpty()) {
            if (joiner.isPresent()) {
                throw ApiException.validation("ConditionalOperator can only be used when " + member + " is not empty");
            }
            return Optional.empty();
        }
        requireObject(node, member);
        List<LegacyCondition> conditions = new ArrayList<>();
        node.properties()
                .forEach(entry -> conditions.add(
                        member.equals("Expected")
                                ? expectation(entry.getKey(), entry.getValue())
                                : comparison(entry.getKey(), entry.getValue(), member)));
        return Optional.of(
                LegacyCondition.all(conditions, joiner.map("OR"::equals).orElse(false)));
    }

    static Optional<Expressions.KeyCondition> keyConditions(
            Parameters parameters, String hashKey, Optional<String> rangeKey) {
        JsonNode node = parameters.node("KeyConditions");
        if (node == null) {
            return Optional.empty();
        }
        requireObject(node, "KeyConditions");
        List<LegacyCondition> conditions = new ArrayList<>();
        node.properties()
                .forEach(entry -> conditions.add(comparison(entry.getKey(), entry.getValue(), "KeyConditions")));
        return Optional.of(LegacyCondition.keyCondition(conditions, hashKey, rangeKey));
    }

    static Optional<Expressions.Projection> attributesToGet(Parameters parameters) {
        JsonNode node = parameters.node("AttributesToGet");
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw ApiException.serialization("Expected a list for AttributesToGet");
        }
        if (node.isEmpty()) {
            throw ApiException.validation(
                    "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode name : node) {
            if (!name.isTextual()) {
                throw ApiException.serialization("Expected strings in AttributesToGet");
            }
            ItemRules.checkAttributeName(name.textValue());
            if (!names.add(name.textValue())) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Duplicate value in attribute name: "
                                + name.textValue());
            }
        }
        Set<String> projected = Set.copyOf(names);
        return Optional.of(new Expressions.Projection() {
            @Override
            public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
                Map<String, AttributeValue> result = new LinkedHashMap<>(item);
                result.keySet().retainAll(projected);
                return result;
            }

            @Override
            public Set<String> projectedAttributes() {
                return projected;
            }
        });
    }

    static Optional<Expressions.Update> attributeUpdates(Parameters parameters) {
        JsonNode node = parameters.node("AttributeUpdates");
        if (node == null || node.isEmpty()) {
            return Optional.empty();
        }
        requireObject(node, "AttributeUpdates");
        Map<String, LegacyUpdate.Change> changes = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            ItemRules.checkAttributeName(entry.getKey());
            JsonNode update = entry.getValue();
            requireObject(update, "AttributeUpdates");
            LegacyUpdate.Action action = update.hasNonNull("Action")
                    ? LegacyUpdate.action(update.get("Action").asText())
                    : LegacyUpdate.Action.PUT;
            Optional<AttributeValue> value = update.hasNonNull("Value")
                    ? Optional.of(ItemCodec.decodeValue(update.get("Value")))
                    : Optional.empty();
            changes.put(entry.getKey(), new LegacyUpdate.Change(action, value));
        });
        return Optional.of(new LegacyUpdate(changes));
    }

    /** An Expected entry: ComparisonOperator with AttributeValueList, or the older Value / Exists. */
    private static LegacyCondition expectation(String attribute, JsonNode entry) {
        requireObject(entry, "Expected");
        boolean hasOperator = entry.hasNonNull("ComparisonOperator");
        boolean hasList = entry.hasNonNull("AttributeValueList");
        boolean hasValue = entry.hasNonNull("Value");
        boolean hasExists = entry.hasNonNull("Exists");
        if (hasOperator || hasList) {
            if (hasValue || hasExists) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Value or Exists cannot be used with ComparisonOperator or AttributeValueList for Attribute: "
                                + attribute);
            }
            return comparison(attribute, entry, "Expected");
        }
        boolean exists = !hasExists || entry.get("Exists").asBoolean(true);
        if (exists) {
            if (!hasValue) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Value must be provided when Exists is "
                                + (hasExists ? "true" : "null") + " for Attribute: " + attribute);
            }
            return new LegacyCondition(
                    attribute, LegacyCondition.Operator.EQ, List.of(ItemCodec.decodeValue(entry.get("Value"))));
        }
        if (hasValue) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: "
                            + attribute);
        }
        return new LegacyCondition(attribute, LegacyCondition.Operator.NULL, List.of());
    }

    private static LegacyCondition comparison(String attribute, JsonNode entry, String member) {
        requireObject(entry, member);
        if (!entry.hasNonNull("ComparisonOperator")) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: ComparisonOperator must be provided for Attribute: "
                            + attribute + " in " + member);
        }
        List<AttributeValue> values = new ArrayList<>();
        JsonNode list = entry.get("AttributeValueList");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiException.serialization("Expected a list for AttributeValueList");
            }
            list.forEach(value -> values.add(ItemCodec.decodeValue(value)));
        }
        return new LegacyCondition(
                attribute,
                LegacyCondition.operator(entry.get("ComparisonOperator").asText()),
                values);
    }

    private static void requireObject(JsonNode node, String member) {
        if (!node.isObject()) {
            throw ApiException.serialization("Expected an object in " + member);
        }
    }
}
