package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;

import java.util.Map;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all of
 * its expressions, remembering which were used so that unused ones can be rejected as DynamoDB does.
 * CONTRACT (implemented by the expression package): parse methods of {@link Expressions} mark what they use;
 * the server calls {@link #requireAllUsed()} after parsing every expression of the request.
 */
public final class ExpressionAttributes
{
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;

    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values)
    {
        this.names = Map.copyOf(names);
        this.values = Map.copyOf(values);
    }

    public Map<String, String> names()
    {
        return names;
    }

    public Map<String, AttributeValue> values()
    {
        return values;
    }

    /** Throws {@link ExpressionException} naming the first unused name or value. */
    public void requireAllUsed()
    {
        throw new UnsupportedOperationException("to be implemented by the expression package");
    }
}
