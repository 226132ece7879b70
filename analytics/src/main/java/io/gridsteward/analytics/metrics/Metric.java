package io.gridsteward.analytics.metrics;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    /** Tickets reported, counted where the problem is (the report's grid, community, town or category). */
    TICKETS_REPORTED("metrics/tickets_reported.sql", false),
    TIME_IN_STATE("metrics/time_in_state.sql", false, Setting.NOW),
    ASSESSMENT(
            "metrics/assessment.sql",
            false,
            Setting.NOW,
            Setting.FREEZE_DAYS,
            Setting.MINIMUM_TICKETS,
            Setting.LIST_SIZE,
            Setting.RESPONSE_WEIGHT,
            Setting.RESOLUTION_WEIGHT,
            Setting.SATISFACTION_WEIGHT,
            Setting.BASICALLY_SATISFIED_WEIGHT),
    PARTY_SERVICE("metrics/party_service.sql", false),
    PARTY_MEMBERS("metrics/party_members.sql", false, Setting.NOW),
    /** Funds allocated, reserved, approved, paid and reversed, utilisation, delegated tasks, time to payment. */
    FUND_FLOWS("metrics/fund_flows.sql", false),
    // Resources moved down (resource_events): offers and demands published, claimed, fulfilled and their value; the
    // times from publication to claim and from claim to completion; the share of demands met; projects' ratings.
    RESOURCE_FLOWS("metrics/resource_flows.sql", false),
    TIME_TO_CLAIM("metrics/resource_durations.sql", true),
    TIME_TO_COMPLETE("metrics/resource_durations.sql", true),
    DEMANDS_MET("metrics/demands_met.sql", false),
    PROJECT_RATINGS("metrics/project_ratings.sql", false);

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

    /** What the file groups by: the ticket, party and fund files by place, department and category; the resource files by place and provider. */
    public Set<Dimension> dimensions() {
        return switch (this) {
            case TIME_TO_DISPATCH,
                    TIME_TO_ACCEPT,
                    TIME_TO_RESOLVE,
                    ON_TIME_RATE,
                    OVERDUE_BACKLOG,
                    TICKET_RATES,
                    RATINGS,
                    SLA_MISSES,
                    DISPATCH_MODES,
                    TIME_IN_STATE,
                    ASSESSMENT ->
                EnumSet.of(
                        Dimension.GRID, Dimension.COMMUNITY, Dimension.TOWN, Dimension.DEPARTMENT, Dimension.CATEGORY);
            // A report is about a place, not a department: nobody holds a ticket when it is reported.
            case TICKETS_REPORTED ->
                EnumSet.of(Dimension.GRID, Dimension.COMMUNITY, Dimension.TOWN, Dimension.CATEGORY);
            // The party files' category is the activity's kind (department gives no rows); the fund file's is the fund
            // kind, its department the one that delegated a task.
            case PARTY_SERVICE, PARTY_MEMBERS, FUND_FLOWS ->
                EnumSet.of(
                        Dimension.GRID, Dimension.COMMUNITY, Dimension.TOWN, Dimension.DEPARTMENT, Dimension.CATEGORY);
            case RESOURCE_FLOWS, TIME_TO_CLAIM, TIME_TO_COMPLETE, PROJECT_RATINGS ->
                EnumSet.of(Dimension.GRID, Dimension.COMMUNITY, Dimension.TOWN, Dimension.PROVIDER);
            // A demand has no provider: who met it is a claim's, and a demand may be met by several.
            case DEMANDS_MET -> EnumSet.of(Dimension.GRID, Dimension.COMMUNITY, Dimension.TOWN);
        };
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
