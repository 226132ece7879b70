package io.gridsteward.dynamodb.emulator.value;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** DynamoDB numbers: up to 38 significant digits, exact, compared and stored without trailing zeros. */
public final class Numbers {
    private Numbers() {}

    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? BigDecimal.ZERO : stripped;
    }

    static Set<BigDecimal> canonicalSet(Set<BigDecimal> values) {
        Set<BigDecimal> canonical = new LinkedHashSet<>();
        for (BigDecimal value : values) {
            canonical.add(canonical(value));
        }
        return Collections.unmodifiableSet(canonical);
    }

    /** The wire form of a canonical number: plain notation, no exponent. */
    public static String toWire(BigDecimal value) {
        return value.toPlainString();
    }
}
