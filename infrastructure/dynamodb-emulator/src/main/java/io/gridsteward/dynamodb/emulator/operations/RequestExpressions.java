package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.dynamodb.emulator.expression.ExpressionAttributes;
import io.gridsteward.dynamodb.emulator.expression.Expressions;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.ItemCodec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The expressions of one request (or one transaction item) sharing its ExpressionAttributeNames and
 * ExpressionAttributeValues. {@link #finish()} checks the names and values once every expression is parsed.
 */
final class RequestExpressions {
    private final ExpressionAttributes attributes;
    private final boolean namesGiven;
    private final boolean valuesGiven;
    private boolean anyExpression;

    RequestExpressions(Parameters parameters) {
        if (parameters.has("ExpressionAttributeNames")
                && parameters.node("ExpressionAttributeNames").isEmpty()) {
            throw ApiException.validation("ExpressionAttributeNames must not be empty");
        }
        if (parameters.has("ExpressionAttributeValues")
                && parameters.node("ExpressionAttributeValues").isEmpty()) {
            throw ApiException.validation("ExpressionAttributeValues must not be empty");
        }
        Map<String, String> names = parameters.stringMap("ExpressionAttributeNames");
        names.values().forEach(ItemRules::checkAttributeName);
        this.attributes = new ExpressionAttributes(names, values(parameters.node("ExpressionAttributeValues")));
        this.namesGiven = parameters.has("ExpressionAttributeNames");
        this.valuesGiven = parameters.has("ExpressionAttributeValues");
    }

    /** Each value checked on its own, so that an invalid one is named as the service names it. */
    private static Map<String, AttributeValue> values(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.serialization("Expected an object for ExpressionAttributeValues");
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                values.put(field.getKey(), ItemCodec.decodeValue(field.getValue()));
            } catch (ApiException invalid) {
                if (!invalid.type().equals("ValidationException")) {
                    throw invalid;
                }
                throw ApiException.validation("ExpressionAttributeValues contains invalid value: "
                        + invalid.getMessage() + " for key " + field.getKey());
            }
        }
        return values;
    }

    Optional<Expressions.Condition> condition(Optional<String> expression, String parameterName) {
        return expression.map(text -> {
            requireText(text, parameterName);
            anyExpression = true;
            return Expressions.parseCondition(text, attributes, parameterName);
        });
    }

    Optional<Expressions.Update> update(Optional<String> expression) {
        return expression.map(text -> {
            requireText(text, "UpdateExpression");
            anyExpression = true;
            return Expressions.parseUpdate(text, attributes);
        });
    }

    Optional<Expressions.Projection> projection(Optional<String> expression) {
        return expression.map(text -> {
            requireText(text, "ProjectionExpression");
            anyExpression = true;
            return Expressions.parseProjection(text, attributes);
        });
    }

    Expressions.KeyCondition keyCondition(String text, String hashKey, Optional<String> rangeKey) {
        requireText(text, "KeyConditionExpression");
        anyExpression = true;
        return Expressions.parseKeyCondition(text, attributes, hashKey, rangeKey);
    }

    /** Rejects names or values given without expressions, and (through the expression package) unused ones. */
    void finish() {
        if (!anyExpression) {
            if (namesGiven) {
                throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (valuesGiven) {
                throw ApiException.validation("ExpressionAttributeValues can only be specified when using expressions");
            }
            return;
        }
        attributes.requireAllUsed();
    }

    private static void requireText(String text, String parameterName) {
        if (text.isBlank()) {
            throw ApiException.validation("Invalid " + parameterName + ": The expression can not be empty;");
        }
    }
}
