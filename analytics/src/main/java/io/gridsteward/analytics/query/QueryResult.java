package io.gridsteward.analytics.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of a query, column name to value, in the query's column order. Values are normalised the same way by
 * every engine: {@link String}, {@link Long} (any integer type), {@link Double} (any floating or decimal
 * type), {@link Boolean}, {@link java.time.Instant} (timestamps) or {@code null}.
 */
public record QueryResult(List<String> columns, List<Map<String, Object>> rows) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(QueryResult::readOnlyCopy).toList();
        for (Map<String, Object> row : rows) {
            if (!row.keySet().equals(new LinkedHashSet<>(columns))) {
                throw new IllegalArgumentException("row " + row.keySet() + " does not match columns " + columns);
            }
        }
    }

    private static Map<String, Object> readOnlyCopy(Map<String, Object> row) {
        Objects.requireNonNull(row, "row");
        return Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }
}
