package io.gridsteward.analytics.query;

import java.time.LocalDate;
import java.util.List;

/** The parameter values a SQL file's {@code ?} placeholders accept, and their SQL literal form for Athena. */
public final class QueryParameters {

    private QueryParameters() {}

    /** Fails with a clear message on a value no engine binds the same way. */
    public static void validate(List<?> parameters) {
        for (int index = 0; index < parameters.size(); index++) {
            Object value = parameters.get(index);
            if (!(value instanceof String
                    || value instanceof Long
                    || value instanceof Integer
                    || value instanceof Double
                    || value instanceof LocalDate)) {
                throw new IllegalArgumentException("query parameter " + (index + 1)
                        + " must be a String, Long, Integer," + " Double or LocalDate, not "
                        + (value == null ? "null" : value.getClass().getName()));
            }
        }
    }

    /** Athena's execution parameters are SQL literals: strings quoted, dates typed. */
    public static String sqlLiteral(Object value) {
        return switch (value) {
            case String text -> "'" + text.replace("'", "''") + "'";
            case LocalDate date -> "DATE '" + date + "'";
            case Long number -> number.toString();
            case Integer number -> number.toString();
            case Double number -> number.toString();
            default ->
                throw new IllegalArgumentException(
                        "unsupported query parameter type " + value.getClass().getName());
        };
    }
}
