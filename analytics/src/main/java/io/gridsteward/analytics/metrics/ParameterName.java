package io.gridsteward.analytics.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An enum constant's name in query parameters and SQL: its name in lower case ({@code time_to_dispatch}). */
public interface ParameterName {

    String name();

    default String parameterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of the type whose parameter name is the value, if any. */
    static <E extends Enum<E> & ParameterName> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.parameterName().equals(value))
                .findFirst();
    }

    /** The accepted values, for error messages: {@code day, week, month}. */
    static <E extends Enum<E> & ParameterName> String accepted(Class<E> type) {
        return String.join(
                ", ",
                Arrays.stream(type.getEnumConstants())
                        .map(ParameterName::parameterName)
                        .toList());
    }
}
