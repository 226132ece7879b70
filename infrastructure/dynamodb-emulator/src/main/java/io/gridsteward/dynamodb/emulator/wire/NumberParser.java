package io.gridsteward.dynamodb.emulator.wire;

import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.value.Numbers;
import java.math.BigDecimal;

/** DynamoDB's number rules: 38 significant digits, magnitudes from 1E-130 to below 1E+126, errors worded as the service words them. */
public final class NumberParser {
    private static final BigDecimal UPPER_LIMIT = new BigDecimal("1E126");
    private static final BigDecimal LOWER_LIMIT = new BigDecimal("1E-130");
    private static final int MAXIMUM_DIGITS = 38;

    private NumberParser() {}

    public static BigDecimal parse(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException | ArithmeticException invalid) {
            throw ApiException.validation("A value provided cannot be converted into a number");
        }
        BigDecimal canonical = Numbers.canonical(value);
        if (canonical.signum() == 0) {
            return canonical;
        }
        if (canonical.precision() > MAXIMUM_DIGITS) {
            throw ApiException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = canonical.abs();
        if (magnitude.compareTo(UPPER_LIMIT) >= 0) {
            throw ApiException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(LOWER_LIMIT) < 0) {
            throw ApiException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return canonical;
    }
}
