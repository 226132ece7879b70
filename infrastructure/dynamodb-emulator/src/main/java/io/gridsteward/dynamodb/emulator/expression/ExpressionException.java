package io.gridsteward.dynamodb.emulator.expression;

/** An invalid expression or an expression that cannot apply to an item; the server answers ValidationException. */
public final class ExpressionException extends RuntimeException {
    public ExpressionException(String message) {
        super(message);
    }
}
