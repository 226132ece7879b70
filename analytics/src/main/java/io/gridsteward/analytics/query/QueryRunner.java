package io.gridsteward.analytics.query;

import java.util.List;

/**
 * Runs one of the SQL files under {@code analytics/sql/} against the lake. The DuckDB side serves the local
 * stack, the Athena side serves AWS; both run the very same file.
 */
public interface QueryRunner {

    /**
     * @param sqlFile    path of the file below {@code sql/}, e.g. {@code metrics/durations.sql}
     * @param parameters values of the file's {@code ?} placeholders, in order (see {@link QueryParameters})
     */
    QueryResult run(String sqlFile, List<?> parameters);

    default QueryResult run(String sqlFile) {
        return run(sqlFile, List.of());
    }
}
