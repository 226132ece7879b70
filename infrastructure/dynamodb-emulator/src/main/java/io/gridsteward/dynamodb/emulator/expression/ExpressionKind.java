package io.gridsteward.dynamodb.emulator.expression;

/** Which request parameter an expression came from; DynamoDB names it at the start of every validation message. */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression");

    private final String parameterName;

    ExpressionKind(String parameterName) {
        this.parameterName = parameterName;
    }

    public String parameterName() {
        return parameterName;
    }

    /** The condition-like kind for a parameter name, e.g. "FilterExpression". */
    public static ExpressionKind ofConditionParameter(String parameterName) {
        return switch (parameterName) {
            case "ConditionExpression" -> CONDITION;
            case "FilterExpression" -> FILTER;
            case "KeyConditionExpression" -> KEY_CONDITION;
            default -> throw new IllegalArgumentException("not a condition parameter: " + parameterName);
        };
    }

    ExpressionException invalid(String reason) {
        return new ExpressionException("Invalid " + parameterName + ": " + reason);
    }
}
