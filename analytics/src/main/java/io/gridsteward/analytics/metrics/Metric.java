package io.gridsteward.analytics.metrics;

import java.util.Optional;

/**
 * The metrics of {@code analytics/sql/metrics/}: one SQL file per family; the durations file serves three
 * metrics and takes which one as its first parameter.
 */
public enum Metric implements ParameterName {
    TIME_TO_DISPATCH("metrics/durations.sql", true),
    TIME_TO_ACCEPT("metrics/durations.sql", true),
    TIME_TO_RESOLVE("metrics/durations.sql", true),
    ON_TIME_RATE("metrics/on_time_rate.sql", false),
    OVERDUE_BACKLOG("metrics/overdue_backlog.sql", false),
    TICKET_RATES("metrics/ticket_rates.sql", false),
    RATINGS("metrics/ratings.sql", false),
    SLA_MISSES("metrics/sla_misses.sql", false),
    DISPATCH_MODES("metrics/dispatch_modes.sql", false);

    private final String sqlFile;
    private final boolean measureParameter;

    Metric(String sqlFile, boolean measureParameter) {
        this.sqlFile = sqlFile;
        this.measureParameter = measureParameter;
    }

    /** The file below {@code sql/} that computes it. */
    public String sqlFile() {
        return sqlFile;
    }

    /** The file's leading {@code measure} parameter, for the files that compute several metrics. */
    Optional<String> measure() {
        return measureParameter ? Optional.of(parameterName()) : Optional.empty();
    }
}
