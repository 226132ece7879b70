package io.gridsteward.analytics.metrics;

import java.util.List;
import java.util.Optional;

/**
 * The metrics of {@code analytics/sql/metrics/}: one SQL file per family; the durations file serves three
 * metrics and takes which one as its first parameter. After the grouping (dimension, period, first and last day) a
 * file takes the {@link Setting}s it names, in that order.
 */
public enum Metric implements ParameterName {
    TIME_TO_DISPATCH("metrics/durations.sql", true),
    TIME_TO_ACCEPT("metrics/durations.sql", true),
    TIME_TO_RESOLVE("metrics/durations.sql", true),
    ON_TIME_RATE("metrics/on_time_rate.sql", false, Setting.FREEZE_DAYS),
    OVERDUE_BACKLOG("metrics/overdue_backlog.sql", false, Setting.NOW),
    TICKET_RATES("metrics/ticket_rates.sql", false, Setting.FREEZE_DAYS),
    RATINGS("metrics/ratings.sql", false),
    SLA_MISSES("metrics/sla_misses.sql", false),
    DISPATCH_MODES("metrics/dispatch_modes.sql", false),
    TIME_IN_STATE("metrics/time_in_state.sql", false, Setting.NOW),
    ASSESSMENT("metrics/assessment.sql", false, Setting.NOW, Setting.FREEZE_DAYS, Setting.MINIMUM_TICKETS,
            Setting.LIST_SIZE, Setting.RESPONSE_WEIGHT, Setting.RESOLUTION_WEIGHT, Setting.SATISFACTION_WEIGHT,
            Setting.BASICALLY_SATISFIED_WEIGHT),
    PARTY_SERVICE("metrics/party_service.sql", false),
    PARTY_MEMBERS("metrics/party_members.sql", false, Setting.NOW),
    /** Funds allocated, reserved, approved, paid and reversed, utilisation, delegated tasks, time to payment. */
    FUND_FLOWS("metrics/fund_flows.sql", false);

    /** What a file takes after its grouping: the moment of the query (local time) or one of the assessment rules. */
    public enum Setting {
        NOW,
        FREEZE_DAYS,
        MINIMUM_TICKETS,
        LIST_SIZE,
        RESPONSE_WEIGHT,
        RESOLUTION_WEIGHT,
        SATISFACTION_WEIGHT,
        BASICALLY_SATISFIED_WEIGHT
    }

    private final String sqlFile;
    private final boolean measureParameter;
    private final List<Setting> settings;

    Metric(String sqlFile, boolean measureParameter, Setting... settings) {
        this.sqlFile = sqlFile;
        this.measureParameter = measureParameter;
        this.settings = List.of(settings);
    }

    /** The file below {@code sql/} that computes it. */
    public String sqlFile() {
        return sqlFile;
    }

    /** The file's leading {@code measure} parameter, for the files that compute several metrics. */
    Optional<String> measure() {
        return measureParameter ? Optional.of(parameterName()) : Optional.empty();
    }

    /** What the file takes after its grouping parameters, in order. */
    public List<Setting> settings() {
        return settings;
    }
}
