package io.gridsteward.analytics.metrics;

import io.gridsteward.analytics.query.QueryResult;
import io.gridsteward.analytics.query.QueryRunner;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One metric, grouped by a dimension and a period, over the local days {@code firstDay} to {@code lastDay}
 * (inclusive, county time zone), as of {@code now} (the county's wall-clock time: nothing after it is judged yet),
 * under the assessment's {@code rules}; and the positional parameters its SQL file takes.
 */
public record MetricQuery(
        Metric metric,
        Dimension dimension,
        Period period,
        LocalDate firstDay,
        LocalDate lastDay,
        LocalDateTime now,
        AssessmentRules rules) {

    /** The county's time zone, in which the files cut days, weeks and months (a literal in each file). */
    public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Shanghai");

    /** The overdue backlog's calendar is built from three digits: 1000 days at most. */
    public static final int MAXIMUM_DAYS = 1000;

    /** {@code now} as the files cast it: a timestamp literal both engines read the same way. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    public MetricQuery {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(rules, "rules");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("the last day " + lastDay + " is before the first day " + firstDay);
        }
        if (ChronoUnit.DAYS.between(firstDay, lastDay) >= MAXIMUM_DAYS) {
            throw new IllegalArgumentException("at most " + MAXIMUM_DAYS + " days at a time, not "
                    + (ChronoUnit.DAYS.between(firstDay, lastDay) + 1));
        }
    }

    /**
     * The file's {@code ?} values in order: [measure,] dimension, period, first day, last day (dates as yyyy-MM-dd),
     * then the file's settings ({@link Metric#settings()}: now as a local timestamp, counts as integers, weights as
     * decimal text so the formula shows them as written).
     */
    public List<Object> parameters() {
        List<Object> parameters = new ArrayList<>();
        metric.measure().ifPresent(parameters::add);
        parameters.add(dimension.parameterName());
        parameters.add(period.parameterName());
        parameters.add(firstDay.toString());
        parameters.add(lastDay.toString());
        for (Metric.Setting setting : metric.settings()) {
            parameters.add(
                    switch (setting) {
                        case NOW -> TIMESTAMP.format(now);
                        case FREEZE_DAYS -> rules.freezeDays();
                        case MINIMUM_TICKETS -> rules.minimumTickets();
                        case LIST_SIZE -> rules.listSize();
                        case RESPONSE_WEIGHT -> rules.responseWeight().toPlainString();
                        case RESOLUTION_WEIGHT -> rules.resolutionWeight().toPlainString();
                        case SATISFACTION_WEIGHT -> rules.satisfactionWeight().toPlainString();
                        case BASICALLY_SATISFIED_WEIGHT ->
                            rules.basicallySatisfiedWeight().toPlainString();
                    });
        }
        return parameters;
    }

    public QueryResult run(QueryRunner runner) {
        return runner.run(metric.sqlFile(), parameters());
    }
}
