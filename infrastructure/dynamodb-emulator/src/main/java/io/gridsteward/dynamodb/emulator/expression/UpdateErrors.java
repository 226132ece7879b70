package io.gridsteward.dynamodb.emulator.expression;

import java.math.BigDecimal;

/** The errors DynamoDB gives when an otherwise valid update expression cannot apply to the stored item. */
final class UpdateErrors {
    private static final int MAXIMUM_DIGITS = 38;
    private static final int MAXIMUM_EXPONENT = 125;
    private static final int MINIMUM_EXPONENT = -130;

    private UpdateErrors() {}

    static ExpressionException incorrectDataType() {
        return new ExpressionException("An operand in the update expression has an incorrect data type");
    }

    static ExpressionException invalidPath() {
        return new ExpressionException("The document path provided in the update expression is invalid for update");
    }

    /** Exact arithmetic may leave DynamoDB's range: more than 38 significant digits or a magnitude beyond 1E126 / 1E-130. */
    static BigDecimal withinNumberLimits(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return BigDecimal.ZERO;
        }
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent > MAXIMUM_EXPONENT) {
            throw new ExpressionException(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MINIMUM_EXPONENT) {
            throw new ExpressionException(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (stripped.precision() > MAXIMUM_DIGITS) {
            throw new ExpressionException("Attempting to store more than 38 significant digits in a Number");
        }
        return stripped;
    }
}
