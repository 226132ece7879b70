package io.gridsteward.dynamodb.emulator.operations;

import io.gridsteward.dynamodb.emulator.expression.ExpressionAttributes;
import io.gridsteward.dynamodb.emulator.expression.Expressions;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;

import java.util.Optional;

/**
 * The expressions of one request (or one transaction item) sharing its ExpressionAttributeNames and
 * ExpressionAttributeValues. {@link #finish()} checks the names and values once every expression is parsed.
 */
final class RequestExpressions
{
    private final ExpressionAttributes attributes;
    private final boolean namesGiven;
    private final boolean valuesGiven;
    private boolean anyExpression;

    RequestExpressions(Parameters parameters)
    {
        if (parameters.has("ExpressionAttributeNames") && parameters.node("ExpressionAttributeNames").isEmpty()) {
            throw ApiException.validation("ExpressionAttributeNames must not be empty");
        }
        if (parameters.has("ExpressionAttributeValues") && parameters.node("ExpressionAttributeValues").isEmpty()) {
            throw ApiException.validation("ExpressionAttributeValues must not be empty");
        }
        this.attributes = new ExpressionAttributes(parameters.stringMap("ExpressionAttributeNames"), parameters.item("ExpressionAttributeValues"));
        this.namesGiven = parameters.has("ExpressionAttributeNames");
        this.valuesGiven = parameters.has("ExpressionAttributeValues");
    }

    Optional<Expressions.Condition> condition(Optional<String> expression, String parameterName)
    {
        return expression.map(text -> {
            requireText(text, parameterName);
            anyExpression = true;
            return Expressions.parseCondition(text, attributes, parameterName);
        });
    }

    Optional<Expressions.Update> update(Optional<String> expression)
    {
        return expression.map(text -> {
            requireText(text, "UpdateExpression");
            anyExpression = true;
            return Expressions.parseUpdate(text, attributes);
        });
    }

    Optional<Expressions.Projection> projection(Optional<String> expression)
    {
        return expression.map(text -> {
            requireText(text, "ProjectionExpression");
            anyExpression = true;
            return Expressions.parseProjection(text, attributes);
        });
    }

    Expressions.KeyCondition keyCondition(String text, String hashKey, Optional<String> rangeKey)
    {
        requireText(text, "KeyConditionExpression");
        anyExpression = true;
        return Expressions.parseKeyCondition(text, attributes, hashKey, rangeKey);
    }

    /** Rejects names or values given without expressions, and (through the expression package) unused ones. */
    void finish()
    {
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

    private static void requireText(String text, String parameterName)
    {
        if (text.isBlank()) {
            throw ApiException.validation("Invalid " + parameterName + ": The expression can not be empty;");
        }
    }
}
